package vn.hocba.grading;

/** One regulation's rules: turns a class gradebook into class results. Implementations are pure. */
public interface RuleSet {

    /** Which regulation this is; stored with the results. */
    RuleSetId id();

    /** Computes the results of every student of the class, in input order. */
    ClassResults compute(ClassGradebook gradebook);

    /** The minimum number of regular assessments per term of {@code subject} (readiness, templates, demo data). */
    int requiredRegularMarks(Subject subject);
}
