package vn.hocba.common;

/**
 * A term as people read it: "học kì I", "học kì II" (Roman numerals, as the breadcrumbs, titles and documents
 * say). A number that is no term (a refused request's value) is printed as it came.
 */
public final class TermName {

    private TermName() {
    }

    /** "I", "II". */
    public static String roman(int term) {
        return term == 1 ? "I" : term == 2 ? "II" : String.valueOf(term);
    }

    /** "học kì II". */
    public static String of(int term) {
        return "học kì " + roman(term);
    }
}
