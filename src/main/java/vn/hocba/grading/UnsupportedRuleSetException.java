package vn.hocba.grading;

/** The class's cohort is assessed under a regulation this engine does not implement yet. */
public class UnsupportedRuleSetException extends RuntimeException {

    private final RuleSetId ruleSet;

    public UnsupportedRuleSetException(RuleSetId ruleSet, SchoolYear year, int grade) {
        super("Chưa hỗ trợ tính kết quả theo " + ruleSet.title() + " (khối " + grade + ", năm học "
                + year + "). Phần mềm hiện chỉ tính theo Thông tư 22/2021/TT-BGDĐT.");
        this.ruleSet = ruleSet;
    }

    public RuleSetId ruleSet() {
        return ruleSet;
    }
}
