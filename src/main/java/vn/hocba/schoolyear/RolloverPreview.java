package vn.hocba.schoolyear;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import vn.hocba.common.Rejected;

/**
 * What {@link YearRollover#rollOver} would create, without creating it: the next year's name, each
 * class with its new code (or leaving: the last grade), the curriculum and the assignments copied.
 */
@Service
public class RolloverPreview {

    /** A class of the current year: its code next year, or null when it leaves; the reason when no code can be made. */
    public record MovedClass(String code, int grade, String nextCode, String problem) {
    }

    public record Preview(String currentYear, String nextYear, boolean nextYearExists, List<MovedClass> classes,
            int gradeSubjects, int homerooms, int teaching) {

        public boolean possible() {
            return !nextYearExists && classes.stream().allMatch(c -> c.problem() == null);
        }
    }

    private final SchoolDirectory directory;

    public RolloverPreview(SchoolDirectory directory) {
        this.directory = directory;
    }

    public Preview of(SchoolYearId current) {
        AcademicYear year = directory.year(current);
        List<SchoolClass> classes = directory.classes(current);
        int lastGrade = classes.stream().mapToInt(SchoolClass::grade).max().orElse(0);
        int firstGrade = classes.stream().mapToInt(SchoolClass::grade).min().orElse(0);
        List<MovedClass> moved = new ArrayList<>();
        for (SchoolClass c : classes) {
            if (c.grade() == lastGrade) {
                moved.add(new MovedClass(c.code(), c.grade(), null, null));
                continue;
            }
            try {
                moved.add(new MovedClass(c.code(), c.grade(), YearRollover.movedUpCode(c), null));
            } catch (Rejected e) {
                moved.add(new MovedClass(c.code(), c.grade(), null, e.getMessage()));
            }
        }
        int subjects = 0;
        for (int grade = firstGrade; grade <= lastGrade && grade > 0; grade++) {
            subjects += directory.gradeSubjects(current, grade).size();
        }
        boolean exists = directory.years(year.schoolId()).stream().anyMatch(y -> y.startYear() == year.startYear() + 1);
        return new Preview(year.name(), AcademicYear.nameOf(year.startYear() + 1), exists, moved, subjects,
                directory.homeroomAssignments(current).size(), directory.teachingAssignmentsOfYear(current).size());
    }
}
