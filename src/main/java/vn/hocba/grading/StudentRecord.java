package vn.hocba.grading;

import java.util.Map;
import java.util.Objects;

/**
 * One student's year in a class gradebook: marks, conduct ratings and absences.
 *
 * @param marks marks per subject; a subject absent from the map has no marks entered
 */
public record StudentRecord(StudentCode code, String fullName, Absences absences,
                            ConductRatings conduct, Map<SubjectCode, SubjectMarks> marks) {

    public StudentRecord {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(absences, "absences");
        Objects.requireNonNull(conduct, "conduct");
        marks = Map.copyOf(marks);
    }

    /** The marks of a subject; {@link SubjectMarks#NONE} when nothing is entered. */
    public SubjectMarks marksOf(SubjectCode subject) {
        return marks.getOrDefault(subject, SubjectMarks.NONE);
    }

    /** "HS0001 (Trần Khánh)", for messages. */
    public String label() {
        return fullName == null || fullName.isBlank() ? code.value() : code + " (" + fullName + ")";
    }
}
