package vn.hocba.gradebook.comments;

/**
 * What a comment (nhận xét) covers: one term, or the whole year ({@code CN}, cả năm: the comment the
 * transcript prints in its subject table and under "Nhận xét của giáo viên chủ nhiệm").
 */
public enum CommentPeriod {
    HK1(1, "học kì I"),
    HK2(2, "học kì II"),
    CN(0, "cả năm");

    private final int code;
    private final String label;

    CommentPeriod(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The value stored in the {@code term} column (0 for the year). */
    int code() {
        return code;
    }

    /** "học kì I", "cả năm": for messages. */
    public String label() {
        return label;
    }

    /**
     * The term whose lock closes these comments. Decision: the year comment is written with the
     * year results, which are closed when term II is locked.
     */
    int lockTerm() {
        return this == HK1 ? 1 : 2;
    }

    static CommentPeriod ofCode(int code) {
        return code == 1 ? HK1 : code == 2 ? HK2 : CN;
    }
}
