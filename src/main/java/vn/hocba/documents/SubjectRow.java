package vn.hocba.documents;

/**
 * One row of the transcript's subject table. Values are already formatted: "8,5" for scored
 * subjects, "Đ"/"CĐ" for comment-only subjects, "" when absent.
 *
 * @param code          stable subject code used in field names (e.g. {@code TOAN})
 * @param reassessment  "Điểm hoặc mức đánh giá lại" after a retest, "" when none
 */
public record SubjectRow(String code, String name, String hk1, String hk2, String year,
        String reassessment, String comment, String teacherName) {
}
