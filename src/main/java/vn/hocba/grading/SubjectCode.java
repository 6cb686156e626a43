package vn.hocba.grading;

import java.util.Objects;

/** Code of a subject or educational activity in a class, e.g. {@code TOAN}. */
public record SubjectCode(String value) implements Comparable<SubjectCode> {

    public SubjectCode {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public int compareTo(SubjectCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
