package vn.hocba.grading;

import java.util.Objects;

/** The school's code of a student (mã học sinh), unique within a class gradebook. */
public record StudentCode(String value) {

    public StudentCode {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
