package vn.hocba.gradebook;

import java.util.List;
import vn.hocba.schoolyear.AssessedBy;

/** The marks of one subject in one class for one term: the teacher's page of the gradebook. */
public record MarkSheet(String classCode, String subjectCode, String subjectName, AssessedBy assessment, int term,
        List<Student> students, List<MarkCell> cells) {

    /** A student row: id, number in the class list, code and name. */
    public record Student(long id, int number, String code, String fullName) {
    }
}
