package vn.hocba.grading;

/** How a subject is assessed (TT22 Art. 5). */
public enum AssessmentKind {
    /** Scored 0–10 with comments; results are averages with one decimal. */
    SCORE,
    /** Comment only; results are Đạt / Chưa đạt. */
    COMMENT
}
