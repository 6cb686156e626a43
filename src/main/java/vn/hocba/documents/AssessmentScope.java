package vn.hocba.documents;

/**
 * What a class gradebook or subject result sheet covers: one term (TT22 Art. 9.1 ĐTBmhk) or the
 * whole year (ĐTBmcn, reassessment). Decides which columns the marks tables print.
 */
public enum AssessmentScope {
    TERM_1("Học kì I"),
    TERM_2("Học kì II"),
    YEAR("Cả năm học");

    private final String label;

    AssessmentScope(String label) {
        this.label = label;
    }

    /** As printed, e.g. "Học kì I". */
    public String label() {
        return label;
    }

    public boolean showsTerm1() {
        return this != TERM_2;
    }

    public boolean showsTerm2() {
        return this != TERM_1;
    }

    /** Year result and reassessment columns. */
    public boolean showsYear() {
        return this == YEAR;
    }
}
