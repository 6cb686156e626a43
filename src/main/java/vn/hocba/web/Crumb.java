package vn.hocba.web;

import java.util.List;
import vn.hocba.schoolyear.SchoolClass;

/**
 * One step of the breadcrumbs shown under the header (Lớp 7A1 › Toán › Học kì II); the last step
 * is the current page and has no link ({@code href} null). A page puts a {@code List<Crumb>} in its
 * model as {@code crumbs} and includes {@code ~{layout :: breadcrumbs(${crumbs})}}.
 */
public record Crumb(String label, String href) {

    public static Crumb link(String label, String href) {
        return new Crumb(label, href);
    }

    public static Crumb here(String label) {
        return new Crumb(label, null);
    }

    /** "Lớp 7A1", linking to {@code href} (null: not a link). */
    public static Crumb schoolClass(SchoolClass schoolClass, String href) {
        return new Crumb("Lớp " + schoolClass.code(), href);
    }

    /** "Học kì I" / "Học kì II" for term 1 / 2 (terms are numbered 1 and 2 in addresses and the API). */
    public static String termLabel(int term) {
        return switch (term) {
            case 1 -> "Học kì I";
            case 2 -> "Học kì II";
            default -> "Học kì " + term;
        };
    }

    /** Lớp 7A1 › Toán › Học kì II, the last step being the page itself. */
    public static List<Crumb> classSubjectTerm(SchoolClass schoolClass, String subjectName, int term) {
        return List.of(schoolClass(schoolClass, null), new Crumb(subjectName, null), here(termLabel(term)));
    }
}
