package vn.hocba.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The marks table of one subject for a class: one {@link MarkRow} per student in class-list
 * order, signed by the subject's teacher or, for an integrated subject shared by column ranges,
 * by each of its co-teachers in column order (see {@link #signatureField(String, int, int)}).
 *
 * @param teacherName    the teachers' names as printed ("A, B" for co-teachers)
 * @param regularColumns number of ĐĐGtx columns printed per term (the maximum over the class)
 * @param commentOnly    true for subjects assessed by comments only (Đ/CĐ, TT22 Art. 5)
 * @param teachers       each teacher of the subject in this class, in column order
 * @param signedSheet    on the class gradebook: the subject's result sheet its teacher(s) signed,
 *                       which the table then refers to instead of carrying signature boxes
 *                       (signing profile, decision 1)
 */
public record SubjectMarksTable(String code, String name, String teacherName, boolean commentOnly,
        int regularColumns, List<MarkRow> rows, List<String> teachers, Optional<SignedSheetReference> signedSheet) {

    /** One signature box of the subject: its field name and the teacher printed under it. */
    public record Signer(String field, String name) {
    }

    public SubjectMarksTable {
        rows = List.copyOf(rows);
        teachers = List.copyOf(teachers);
        signedSheet = signedSheet == null ? Optional.empty() : signedSheet;
    }

    /** A subject whose teachers sign on the document itself (or have not signed yet). */
    public SubjectMarksTable(String code, String name, String teacherName, boolean commentOnly, int regularColumns,
            List<MarkRow> rows, List<String> teachers) {
        this(code, name, teacherName, commentOnly, regularColumns, rows, teachers, Optional.empty());
    }

    /** A subject with one teacher (or none assigned yet). */
    public SubjectMarksTable(String code, String name, String teacherName, boolean commentOnly, int regularColumns,
            List<MarkRow> rows) {
        this(code, name, teacherName, commentOnly, regularColumns, rows,
                teacherName == null || teacherName.isBlank() ? List.of() : List.of(teacherName));
    }

    /** The same table, referring to the signed result sheet of the subject instead of signature boxes. */
    public SubjectMarksTable withSignedSheet(SignedSheetReference sheet) {
        return new SubjectMarksTable(code, name, teacherName, commentOnly, regularColumns, rows, teachers,
                Optional.of(sheet));
    }

    /** Name of the signature field of the subject's (first) teacher. */
    public String signatureField() {
        return signatureField(code, 1, Math.max(1, teachers.size()));
    }

    /** One box per teacher, in column order; a single empty box while no teacher is assigned. */
    public List<Signer> signers() {
        if (teachers.isEmpty()) {
            return List.of(new Signer(signatureField(), ""));
        }
        List<Signer> signers = new ArrayList<>();
        for (int i = 0; i < teachers.size(); i++) {
            signers.add(new Signer(signatureField(code, i + 1, teachers.size()), teachers.get(i)));
        }
        return signers;
    }

    /**
     * The box of teacher {@code teacher} (1-based, column order) of a subject taught by
     * {@code teachers} teachers: {@code gvbm_TOAN} for a subject with one teacher, {@code gvbm_LS_DL_1},
     * {@code gvbm_LS_DL_2} for co-teachers, so each co-teacher signs a box of their own.
     */
    public static String signatureField(String code, int teacher, int teachers) {
        return teachers <= 1 ? "gvbm_" + code : "gvbm_" + code + "_" + teacher;
    }
}
