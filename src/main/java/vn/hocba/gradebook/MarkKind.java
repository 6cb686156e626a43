package vn.hocba.gradebook;

/** Kinds of assessment in a term (TT22 Art. 6-7). */
public enum MarkKind {
    /** Đánh giá thường xuyên (ĐĐGtx), columns 1..n. */
    REGULAR,
    /** Đánh giá giữa kì (ĐĐGgk), one per term. */
    MIDTERM,
    /** Đánh giá cuối kì (ĐĐGck), one per term. */
    FINAL
}
