package vn.hocba.grading;

/**
 * All marks of one student in one subject for the year.
 *
 * @param hk1 term I marks (never null; {@link TermMarks#NONE} when nothing is entered)
 * @param hk2 term II marks (never null)
 * @param retest result of the summer reassessment (Art. 14), null when none
 */
public record SubjectMarks(TermMarks hk1, TermMarks hk2, Mark retest) {

    /** Nothing entered. */
    public static final SubjectMarks NONE = new SubjectMarks(TermMarks.NONE, TermMarks.NONE, null);

    public SubjectMarks {
        hk1 = hk1 == null ? TermMarks.NONE : hk1;
        hk2 = hk2 == null ? TermMarks.NONE : hk2;
    }

    public TermMarks term(Term term) {
        return term == Term.HK1 ? hk1 : hk2;
    }
}
