package vn.hocba.schoolyear;

import com.fasterxml.jackson.annotation.JsonValue;

/** Database identity of a School. */
public record SchoolId(@JsonValue long value) {
}
