package vn.hocba.schoolyear;

import com.fasterxml.jackson.annotation.JsonValue;

/** Database identity of a SchoolYear. */
public record SchoolYearId(@JsonValue long value) {
}
