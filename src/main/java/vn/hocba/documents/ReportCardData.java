package vn.hocba.documents;

import java.util.List;

/**
 * A report card (phiếu liên lạc) sent to parents: a term's marks (or, on the year's card, the
 * term and year results, retests and promotion), absences and the homeroom teacher's comment.
 *
 * @param period e.g. "Học kì I", "Cả năm"
 * @param rows   the term's marks of each subject; empty on the year's card
 * @param year   the year's results; null on a term's card
 */
public record ReportCardData(
        DocumentIdentity identity,
        SchoolInfo school,
        PrintedProfile student,
        String className,
        String schoolYear,
        String period,
        List<ReportCardRow> rows,
        ReportCardYear year,
        int excusedAbsences,
        int unexcusedAbsences,
        String conduct,
        String homeroomComment,
        String homeroomTeacher,
        String dateLine) implements DocumentData {

    public ReportCardData {
        rows = List.copyOf(rows);
    }

    /** True for the year's card, which prints results instead of the term's single marks. */
    public boolean yearCard() {
        return year != null;
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.REPORT_CARD;
    }

    @Override
    public String title() {
        return "Phiếu liên lạc " + student.fullName() + " - " + period + " - năm học " + schoolYear;
    }
}
