package vn.hocba.schoolyear;

/** How a subject is assessed (TT22 Art. 5): by score 0-10 or by comment Đạt/Chưa đạt. */
public enum AssessedBy {
    SCORE,
    COMMENT
}
