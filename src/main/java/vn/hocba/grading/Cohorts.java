package vn.hocba.grading;

/** Which regulation applies to a grade in a school year (the cohort table of TT22 Art. 21). */
public final class Cohorts {

    private Cohorts() {
    }

    /**
     * TT22 Art. 21: grade 6 from 2021-2022; grades 7 and 10 from 2022-2023; grades 8 and 11 from
     * 2023-2024; grades 9 and 12 from 2024-2025. Earlier secondary cohorts: TT58/TT26. Grades 1–5
     * (primary) are outside TT22: TT27.
     */
    public static RuleSetId ruleSetFor(SchoolYear year, int grade) {
        if (grade < 1 || grade > 12) {
            throw new IllegalArgumentException("Grade must be 1-12: " + grade);
        }
        if (grade <= 5) {
            return RuleSetId.TT27;
        }
        return year.startYear() >= tt22FirstYear(grade) ? RuleSetId.TT22 : RuleSetId.TT58_TT26;
    }

    private static int tt22FirstYear(int grade) {
        return switch (grade) {
            case 6 -> 2021;
            case 7, 10 -> 2022;
            case 8, 11 -> 2023;
            default -> 2024; // grades 9 and 12
        };
    }
}
