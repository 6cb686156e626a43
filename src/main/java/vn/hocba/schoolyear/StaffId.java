package vn.hocba.schoolyear;

import com.fasterxml.jackson.annotation.JsonValue;

/** Database identity of a Staff. */
public record StaffId(@JsonValue long value) {
}
