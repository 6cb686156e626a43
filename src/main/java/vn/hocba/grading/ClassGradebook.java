package vn.hocba.grading;

import java.util.List;
import java.util.Objects;

/**
 * One class's gradebook for one school year: the input of the results engine
 * (format {@code hocba.class-gradebook/1}).
 *
 * @param grade 1–12; with the school year it selects the rule set (TT22 Art. 21)
 * @param subjects the subjects in the order they are printed
 * @param students the students in roster order
 */
public record ClassGradebook(SchoolYear schoolYear, String schoolCode, String schoolName,
                             ClassCode classCode, int grade, List<Subject> subjects,
                             List<StudentRecord> students) {

    public ClassGradebook {
        Objects.requireNonNull(schoolYear, "schoolYear");
        Objects.requireNonNull(classCode, "classCode");
        subjects = List.copyOf(subjects);
        students = List.copyOf(students);
    }
}
