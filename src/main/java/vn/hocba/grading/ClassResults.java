package vn.hocba.grading;

import java.util.List;

/**
 * Results of a whole class (format {@code hocba.class-results/1}), students in input order.
 *
 * @param ruleSet the rule set that produced them, stored with the results (TT22 Art. 21)
 */
public record ClassResults(SchoolYear schoolYear, ClassCode classCode, RuleSetId ruleSet,
                           List<StudentResults> students) {

    public ClassResults {
        students = List.copyOf(students);
    }

    /** True when every student's results are complete, i.e. the class can be signed off. */
    public boolean complete() {
        return students.stream().allMatch(StudentResults::complete);
    }

    /** Everything missing in the class, student by student (the readiness check). */
    public List<MissingEntry> missing() {
        return students.stream().flatMap(s -> s.missing().stream()).toList();
    }
}
