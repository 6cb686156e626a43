package vn.hocba.grading.json;

import java.util.List;

/**
 * A class gradebook document that cannot be used: malformed JSON or one or more invalid values.
 * Nothing is computed from it.
 */
public class InvalidGradebookException extends Exception {

    private final List<String> errors;

    public InvalidGradebookException(List<String> errors) {
        super(errors.size() + " lỗi trong sổ điểm: " + String.join(" | ", errors));
        this.errors = List.copyOf(errors);
    }

    /** Every problem found, each naming student, subject, term and field where relevant (Vietnamese). */
    public List<String> errors() {
        return errors;
    }
}
