/**
 * Results engine for student assessment: pure rules (Thông tư 22/2021/TT-BGDĐT and, later, older
 * rule sets) in plain Java with exact decimals. No Spring, no JPA, no I/O.
 *
 * <p>Entry point: {@link vn.hocba.grading.RuleSets#compute(ClassGradebook)} turns one class's
 * marks, conduct ratings and absences ({@link vn.hocba.grading.ClassGradebook}) into
 * {@link vn.hocba.grading.ClassResults}: per student the subject results per term, year and
 * retest, learning and conduct levels, promotion decision, title, whether the data is complete
 * (and what is missing), and a Vietnamese {@link vn.hocba.grading.Explanation} of every result.
 *
 * <p>The rule set is chosen per (school year, grade) by the cohort table of TT22 Art. 21
 * ({@link vn.hocba.grading.Cohorts}); only TT22 is implemented, other cohorts raise
 * {@link vn.hocba.grading.UnsupportedRuleSetException}. JSON mapping of the interchange formats
 * lives in {@code vn.hocba.grading.json}.
 */
package vn.hocba.grading;
