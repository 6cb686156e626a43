package vn.hocba.documents;

import java.util.List;

/**
 * A report card (phiếu liên lạc) sent to parents: marks so far, absences and the homeroom
 * teacher's comment.
 *
 * @param period e.g. "Giữa học kì I"
 */
public record ReportCardData(
        DocumentIdentity identity,
        SchoolInfo school,
        PrintedProfile student,
        String className,
        String schoolYear,
        String period,
        List<ReportCardRow> rows,
        int excusedAbsences,
        int unexcusedAbsences,
        String conduct,
        String homeroomComment,
        String homeroomTeacher,
        String dateLine) implements DocumentData {

    public ReportCardData {
        rows = List.copyOf(rows);
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
