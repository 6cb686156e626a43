package vn.hocba.schoolyear;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.common.Rejected;

/**
 * Creates the next school year from the current one: same curriculum, every class moves up a
 * grade under its new code (6A1 → 7A1; the last grade leaves), homeroom and teaching assignments
 * optionally copied. Students move later, from the promotion decisions of the results engine.
 */
@Service
@Transactional
public class YearRollover {

    private final SchoolDirectory directory;
    private final YearSetup years;
    private final AssignmentSetup assignments;

    public YearRollover(SchoolDirectory directory, YearSetup years, AssignmentSetup assignments) {
        this.directory = directory;
        this.years = years;
        this.assignments = assignments;
    }

    public SchoolYearId rollOver(SchoolYearId current, List<TermDates> nextTerms, boolean copyAssignments) {
        AcademicYear year = directory.year(current);
        SchoolYearId next = years.createYear(year.schoolId(), year.startYear() + 1, nextTerms);
        Map<ClassId, ClassId> moved = extend(current, next);
        if (copyAssignments) {
            copyAssignments(current, moved);
        }
        return next;
    }

    /**
     * Adds to {@code next} (already created, e.g. with its new grade-6 classes) what the rollover makes and it
     * lacks: the curriculum of a grade that has none yet, each class moved up under its new code. What exists is
     * left as it is, so that running it twice creates nothing more. Returns the classes moved up (old → new).
     */
    public Map<ClassId, ClassId> extend(SchoolYearId current, SchoolYearId next) {
        List<SchoolClass> classes = directory.classes(current);
        int lastGrade = classes.stream().mapToInt(SchoolClass::grade).max().orElse(0);
        int firstGrade = classes.stream().mapToInt(SchoolClass::grade).min().orElse(0);
        for (int grade = firstGrade; grade <= lastGrade && grade > 0; grade++) {
            if (directory.gradeSubjects(next, grade).isEmpty()) {
                for (GradeSubject gs : directory.gradeSubjects(current, grade)) {
                    years.addGradeSubject(next, grade, gs.subject().id(), gs.periodsPerYear());
                }
            }
        }
        Map<ClassId, ClassId> moved = new HashMap<>();
        for (SchoolClass schoolClass : classes) {
            if (schoolClass.grade() < lastGrade) {
                String code = movedUpCode(schoolClass);
                moved.put(schoolClass.id(), directory.classByCode(next, code).map(SchoolClass::id)
                        .orElseGet(() -> years.createClass(next, code, schoolClass.grade() + 1)));
            }
        }
        return moved;
    }

    /** 6A1 → 7A1: the leading grade number of the code is replaced by the next grade. */
    public static String movedUpCode(SchoolClass schoolClass) {
        String grade = String.valueOf(schoolClass.grade());
        if (!schoolClass.code().startsWith(grade)) {
            throw Rejected.invalid("Không tự đặt được tên mới cho lớp " + schoolClass.code()
                    + ": mã lớp không bắt đầu bằng khối " + grade + ".");
        }
        return (schoolClass.grade() + 1) + schoolClass.code().substring(grade.length());
    }

    private void copyAssignments(SchoolYearId current, Map<ClassId, ClassId> moved) {
        for (HomeroomAssignment h : directory.homeroomAssignments(current)) {
            ClassId target = moved.get(h.schoolClass().id());
            if (target != null) {
                assignments.assignHomeroom(target, h.teacher().id());
            }
        }
        for (TeachingAssignment ta : directory.teachingAssignmentsOfYear(current)) {
            ClassId target = moved.get(ta.schoolClass().id());
            boolean taughtNextGrade = target != null && directory.gradeSubjects(directory.schoolClass(target).yearId(),
                    ta.schoolClass().grade() + 1).stream().anyMatch(gs -> gs.subject().id().equals(ta.subject().id()));
            if (taughtNextGrade) {
                assignments.assignTeaching(target, ta.subject().id(), ta.teacher().id(), ta.columns());
            }
        }
    }
}
