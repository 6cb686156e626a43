package vn.hocba.grading;

import java.util.Objects;

/** Code of a class within its school year, e.g. {@code 7A1}. */
public record ClassCode(String value) {

    public ClassCode {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
