package vn.hocba.grading;

/**
 * A required entry that is not there yet, which makes a student's results incomplete.
 *
 * @param subject the subject, or null for a conduct rating
 * @param term the term
 * @param column the missing column: {@code ĐĐGtx 3}, {@code ĐĐGgk}, {@code ĐĐGck} or
 *     {@code rèn luyện}
 * @param message what is missing and where, in Vietnamese
 */
public record MissingEntry(StudentCode student, SubjectCode subject, Term term, String column,
                           String message) {

    /** The column of a missing conduct rating. */
    public static final String CONDUCT = "rèn luyện";

    public static MissingEntry mark(StudentRecord student, Subject subject, Term term, String column) {
        return new MissingEntry(student.code(), subject.code(), term, column,
                "Học sinh " + student.label() + ", môn " + subject.label() + ", " + term.label()
                        + ": chưa có " + column + ". Hãy nhập điểm (bài không làm thì nhập 0 hoặc CĐ).");
    }

    /** A missing term conduct rating. */
    public static MissingEntry conduct(StudentRecord student, Term term) {
        return new MissingEntry(student.code(), null, term, CONDUCT,
                "Học sinh " + student.label() + ", " + term.label()
                        + ": chưa có xếp loại rèn luyện. Giáo viên chủ nhiệm cần đánh giá rèn luyện.");
    }
}
