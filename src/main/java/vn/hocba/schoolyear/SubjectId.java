package vn.hocba.schoolyear;

import com.fasterxml.jackson.annotation.JsonValue;

/** Database identity of a Subject. */
public record SubjectId(@JsonValue long value) {
}
