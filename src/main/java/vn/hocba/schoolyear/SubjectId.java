package vn.hocba.schoolyear;

import com.fasterxml.jackson.annotation.JsonValue;

/** Database identity of a CurriculumSubject. */
public record SubjectId(@JsonValue long value) {
}
