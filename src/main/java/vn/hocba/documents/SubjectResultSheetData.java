package vn.hocba.documents;

/**
 * The per-class subject result sheet: what a subject teacher signs off once for a class and a
 * term or the year (signing profile, decision 1), instead of signing every transcript.
 */
public record SubjectResultSheetData(
        DocumentIdentity identity,
        SchoolInfo school,
        String className,
        String grade,
        String schoolYear,
        AssessmentScope scope,
        SubjectMarksTable subject,
        String dateLine) implements DocumentData {

    @Override
    public DocumentKind kind() {
        return DocumentKind.SUBJECT_RESULT_SHEET;
    }

    @Override
    public String title() {
        return "Bảng kết quả môn " + subject.name() + " - lớp " + className + " - " + scope.label() + " - năm học "
                + schoolYear;
    }
}
