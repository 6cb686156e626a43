package vn.hocba.gradebook.excel;

import java.util.List;

/**
 * What applying an uploaded whole-class workbook (one sheet per subject) would do; nothing has been
 * written. {@code applicable} only when every subject's sheet is there and applicable and no sheet
 * changes a subject the uploader does not teach. Apply it by sending back every
 * {@link SubjectSheet#preview()} id.
 */
public record WholeClassPreview(String file, String sha256, String classCode, int term, boolean applicable,
        List<String> problems, List<SubjectSheet> sheets) {

    /** One subject's sheet: whether the uploader teaches it, and its cell-level preview. */
    public record SubjectSheet(String subjectCode, String subjectName, boolean taught, UploadPreview preview) {
    }
}
