package vn.hocba.grading;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A subject or educational activity taught in a class.
 *
 * @param code code unique within the class
 * @param name Vietnamese name, e.g. "Toán"
 * @param kind scored or comment-only (TT22 Art. 5)
 * @param periodsPerYear teaching periods in the school year; decides the number of required
 *     regular assessments of a scored subject (Art. 6)
 */
public record Subject(SubjectCode code, String name, AssessmentKind kind, BigDecimal periodsPerYear) {

    public Subject {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(periodsPerYear, "periodsPerYear");
    }

    public boolean scored() {
        return kind == AssessmentKind.SCORE;
    }

    /** "Toán (TOAN)", for messages. */
    public String label() {
        return name + " (" + code + ")";
    }
}
