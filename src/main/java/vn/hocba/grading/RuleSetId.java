package vn.hocba.grading;

/** The assessment regulations a cohort is assessed under (TT22 Art. 21). */
public enum RuleSetId {
    /** Thông tư 22/2021/TT-BGDĐT, lower and upper secondary. */
    TT22("Thông tư 22/2021/TT-BGDĐT"),
    /** Thông tư 58/2011 as amended by Thông tư 26/2020: secondary cohorts before TT22. */
    TT58_TT26("Thông tư 58/2011/TT-BGDĐT và Thông tư 26/2020/TT-BGDĐT"),
    /** Thông tư 27/2020/TT-BGDĐT: primary school. */
    TT27("Thông tư 27/2020/TT-BGDĐT");

    private final String title;

    RuleSetId(String title) {
        this.title = title;
    }

    /** The regulation's Vietnamese title. */
    public String title() {
        return title;
    }
}
