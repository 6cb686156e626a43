package vn.hocba.students;

import com.fasterxml.jackson.annotation.JsonValue;

/** Database identity of a student. */
public record StudentId(@JsonValue long value) {
}
