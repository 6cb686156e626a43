package vn.hocba.grading.tt22;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.hocba.grading.ClassGradebook;
import vn.hocba.grading.ClassResults;
import vn.hocba.grading.MissingEntry;
import vn.hocba.grading.RuleSet;
import vn.hocba.grading.Subject;
import vn.hocba.grading.RuleSetId;
import vn.hocba.grading.StudentRecord;
import vn.hocba.grading.StudentResults;
import vn.hocba.grading.Term;
import vn.hocba.grading.TitleRule;

/**
 * Thông tư 22/2021/TT-BGDĐT. Each student is computed on its own, so the results do not depend on
 * the order of students or of subjects in the input (the class's subject order is only the order
 * of output).
 */
public final class Tt22RuleSet implements RuleSet {

    private final TitleRule titles;

    /** @param titles the title rule of the school year (TT22 Art. 15 or its replacement) */
    public Tt22RuleSet(TitleRule titles) {
        this.titles = Objects.requireNonNull(titles, "titles");
    }

    @Override
    public RuleSetId id() {
        return RuleSetId.TT22;
    }

    @Override
    public ClassResults compute(ClassGradebook gradebook) {
        StudentEvaluation evaluation = new StudentEvaluation(gradebook.subjects(), titles);
        List<StudentResults> students = new ArrayList<>(gradebook.students().size());
        for (StudentRecord student : gradebook.students()) {
            students.add(evaluation.evaluate(student));
        }
        return new ClassResults(gradebook.schoolYear(), gradebook.classCode(), id(), students);
    }

    @Override
    public List<MissingEntry> missing(ClassGradebook gradebook, Subject subject, Term term) {
        SubjectPlan plan = SubjectPlan.of(subject);
        List<MissingEntry> missing = new ArrayList<>();
        for (StudentRecord student : gradebook.students()) {
            SubjectEvaluation.missing(plan, student, term, missing);
        }
        return missing;
    }

    @Override
    public int requiredRegularMarks(Subject subject) {
        return RequiredAssessments.regular(subject);
    }
}
