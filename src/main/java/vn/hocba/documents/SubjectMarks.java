package vn.hocba.documents;

import java.util.List;

/**
 * The marks table of one subject for a class: one {@link MarkRow} per student in class-list
 * order, signed by the subject teacher (field {@code gvbm_<code>}).
 *
 * @param regularColumns number of ĐĐGtx columns printed per term (the maximum over the class)
 * @param commentOnly    true for subjects assessed by comments only (Đ/CĐ, TT22 Art. 5)
 */
public record SubjectMarks(String code, String name, String teacherName, boolean commentOnly,
        int regularColumns, List<MarkRow> rows) {

    public SubjectMarks {
        rows = List.copyOf(rows);
    }

    /** Name of the signature field of this subject's teacher. */
    public String signatureField() {
        return "gvbm_" + code;
    }
}
