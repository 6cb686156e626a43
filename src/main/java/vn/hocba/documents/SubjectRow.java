package vn.hocba.documents;

import java.util.Optional;

/**
 * One row of the transcript's subject table. Values are already formatted: "8,5" for scored
 * subjects, "Đ"/"CĐ" for comment-only subjects, "" when absent.
 *
 * @param code          stable subject code used in field names (e.g. {@code TOAN})
 * @param reassessment  "Điểm hoặc mức đánh giá lại" after a retest, "" when none
 * @param signedSheet   the class result sheet the teacher signed for this subject, when signed
 *                      that way rather than on the transcript itself
 */
public record SubjectRow(String code, String name, String hk1, String hk2, String year,
        String reassessment, String comment, String teacherName, Optional<SignedSheetReference> signedSheet) {

    /** A row whose teacher signs on the transcript (or has not signed yet). */
    public SubjectRow(String code, String name, String hk1, String hk2, String year, String reassessment,
            String comment, String teacherName) {
        this(code, name, hk1, hk2, year, reassessment, comment, teacherName, Optional.empty());
    }

    /** The same row, referring to the signed class result sheet. */
    public SubjectRow withSignedSheet(SignedSheetReference sheet) {
        return new SubjectRow(code, name, hk1, hk2, year, reassessment, comment, teacherName, Optional.of(sheet));
    }
}
