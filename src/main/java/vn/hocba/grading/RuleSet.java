package vn.hocba.grading;

/** One regulation's rules: turns a class gradebook into class results. Implementations are pure. */
public interface RuleSet {

    /** Which regulation this is; stored with the results. */
    RuleSetId id();

    /** Computes the results of every student of the class, in input order. */
    ClassResults compute(ClassGradebook gradebook);

    /**
     * The entries of {@code subject} missing in {@code term}, student by student in input order: exactly the
     * entries of that subject and term in {@code compute(gradebook).missing()}, without computing anything else
     * (a subject teacher's sign-off checks one subject, issue 19). Only {@code subject}'s marks of
     * {@code term} are read, so the gradebook may hold nothing else.
     */
    java.util.List<MissingEntry> missing(ClassGradebook gradebook, Subject subject, Term term);

    /** The minimum number of regular assessments per term of {@code subject} (readiness, templates, demo data). */
    int requiredRegularMarks(Subject subject);
}
