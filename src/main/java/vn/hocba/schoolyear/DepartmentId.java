package vn.hocba.schoolyear;

import com.fasterxml.jackson.annotation.JsonValue;

/** Database identity of a Department. */
public record DepartmentId(@JsonValue long value) {
}
