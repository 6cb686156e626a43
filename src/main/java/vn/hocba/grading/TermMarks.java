package vn.hocba.grading;

import java.util.List;

/**
 * The marks of one student in one subject and term.
 *
 * @param regular regular assessments (ĐĐGtx) in column order; all of them count
 * @param midterm the mid-term assessment (ĐĐGgk), null when not entered yet
 * @param endOfTerm the end-of-term assessment (ĐĐGck), null when not entered yet
 */
public record TermMarks(List<Mark> regular, Mark midterm, Mark endOfTerm) {

    /** No marks entered. */
    public static final TermMarks NONE = new TermMarks(List.of(), null, null);

    public TermMarks {
        regular = List.copyOf(regular);
    }
}
