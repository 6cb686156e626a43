package vn.hocba.security;

import com.fasterxml.jackson.annotation.JsonValue;

/** Database identity of an account. */
public record AccountId(@JsonValue long value) {
}
