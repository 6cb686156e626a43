package vn.hocba.schoolyear;

import com.fasterxml.jackson.annotation.JsonValue;

/** Database identity of a AcademicYear. */
public record SchoolYearId(@JsonValue long value) {
}
