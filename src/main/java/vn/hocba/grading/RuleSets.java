package vn.hocba.grading;

import java.util.Objects;
import java.util.function.Function;
import vn.hocba.grading.tt22.Tt22RuleSet;
import vn.hocba.grading.tt22.Tt22Titles;

/**
 * Chooses the rule set for a (school year, grade) by the cohort table of TT22 Art. 21 and computes
 * class results with it. Thread-safe and cheap to create.
 */
public final class RuleSets {

    private final Function<SchoolYear, TitleRule> titles;

    private RuleSets(Function<SchoolYear, TitleRule> titles) {
        this.titles = Objects.requireNonNull(titles, "titles");
    }

    /** TT22 with the titles of Art. 15 in every school year. */
    public static RuleSets standard() {
        return new RuleSets(year -> tt22Titles());
    }

    /** The titles of TT22 Art. 15, to combine with {@link #withTitles(Function)}. */
    public static TitleRule tt22Titles() {
        return Tt22Titles.INSTANCE;
    }

    /** TT22 with the title rule chosen per school year (e.g. {@link TitleRule#NONE}). */
    public static RuleSets withTitles(Function<SchoolYear, TitleRule> titles) {
        return new RuleSets(titles);
    }

    /**
     * The rule set of a cohort.
     *
     * @throws UnsupportedRuleSetException when the cohort is not assessed under TT22
     */
    public RuleSet forCohort(SchoolYear year, int grade) {
        RuleSetId id = Cohorts.ruleSetFor(year, grade);
        if (id != RuleSetId.TT22) {
            throw new UnsupportedRuleSetException(id, year, grade);
        }
        return new Tt22RuleSet(titles.apply(year));
    }

    /** Computes a class's results under the rule set of its cohort. */
    public ClassResults compute(ClassGradebook gradebook) {
        return forCohort(gradebook.schoolYear(), gradebook.grade()).compute(gradebook);
    }

    /**
     * The entries of {@code subject} missing in {@code term} under the rule set of the class's cohort, as
     * {@link #compute} lists them for that subject and term ({@link RuleSet#missing}).
     *
     * @throws UnsupportedRuleSetException when the cohort is not assessed under TT22 (as {@link #compute})
     */
    public java.util.List<MissingEntry> missing(ClassGradebook gradebook, Subject subject, Term term) {
        return forCohort(gradebook.schoolYear(), gradebook.grade()).missing(gradebook, subject, term);
    }
}
