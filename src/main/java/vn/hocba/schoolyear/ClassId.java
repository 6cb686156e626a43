package vn.hocba.schoolyear;

import com.fasterxml.jackson.annotation.JsonValue;

/** Database identity of a Class. */
public record ClassId(@JsonValue long value) {
}
