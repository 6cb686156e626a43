package vn.hocba.documents;

import java.util.List;

/**
 * The class gradebook (Sổ theo dõi và đánh giá học sinh theo lớp học) for a term or the year:
 * cover, student list, monthly attendance, one marks table per subject, summary and decisions.
 *
 * @param scope     one term or the year: which columns the marks tables print
 * @param students  the class list, in the order used by every other table
 */
public record ClassGradebookData(
        DocumentIdentity identity,
        SchoolInfo school,
        String className,
        String grade,
        String schoolYear,
        AssessmentScope scope,
        String homeroomTeacher,
        String principalTitle,
        String principalName,
        List<PrintedProfile> students,
        List<AttendanceMonth> attendance,
        List<SubjectMarksTable> subjects,
        List<StudentSummary> summaries,
        String dateLine) implements DocumentData {

    public ClassGradebookData {
        students = List.copyOf(students);
        attendance = List.copyOf(attendance);
        subjects = List.copyOf(subjects);
        summaries = List.copyOf(summaries);
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.CLASS_GRADEBOOK;
    }

    @Override
    public String title() {
        return "Sổ theo dõi và đánh giá học sinh - lớp " + className + " - " + scope.label() + " - năm học " + schoolYear;
    }
}
