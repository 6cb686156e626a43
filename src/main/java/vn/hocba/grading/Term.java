package vn.hocba.grading;

/** The two terms of a school year (học kì). */
public enum Term {
    HK1("HK I"),
    HK2("HK II");

    private final String label;

    Term(String label) {
        this.label = label;
    }

    /** Vietnamese label as printed in the gradebook, e.g. "HK I". */
    public String label() {
        return label;
    }
}
