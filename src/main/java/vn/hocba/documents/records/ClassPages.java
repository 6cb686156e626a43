package vn.hocba.documents.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import vn.hocba.documents.AssessmentScope;
import vn.hocba.documents.ClassGradebookData;
import vn.hocba.documents.DocumentIdentity;
import vn.hocba.documents.MarkRow;
import vn.hocba.documents.SchoolInfo;
import vn.hocba.documents.SignedSheetReference;
import vn.hocba.documents.StudentSummary;
import vn.hocba.documents.SubjectMarksTable;
import vn.hocba.documents.SubjectResultSheetData;
import vn.hocba.documents.TermLevels;
import vn.hocba.grading.StudentResults;
import vn.hocba.grading.SubjectCode;
import vn.hocba.grading.SubjectResult;
import vn.hocba.grading.TermMarks;
import vn.hocba.schoolyear.AssessedBy;
import vn.hocba.schoolyear.GradeSubject;
import vn.hocba.grading.LearningResult;

/** The class gradebook and the subject result sheets of one class, from its records. */
final class ClassPages {

    static final String PRINCIPAL_TITLE = "HIỆU TRƯỞNG";

    private final ClassRecords c;
    private final SchoolInfo school;
    private final StudentPages students;

    ClassPages(ClassRecords records, SchoolInfo school, StudentPages students) {
        this.c = records;
        this.school = school;
        this.students = students;
    }

    /**
     * @param signedSheets subject code → its signed class result sheet, which the subject's marks
     *                     table then refers to instead of carrying its teachers' signature boxes
     */
    ClassGradebookData gradebook(AssessmentScope scope, DocumentIdentity id, String dateLine,
            Function<String, Optional<SignedSheetReference>> signedSheets) {
        List<StudentSummary> summaries = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            summaries.add(summary(i, scope));
        }
        return new ClassGradebookData(id, school, c.schoolClass().code(), String.valueOf(c.schoolClass().grade()),
                c.year().name(), scope, c.homeroomTeacher(), PRINCIPAL_TITLE, c.principalName(), students.profiles(),
                students.attendance(scope), subjects(signedSheets), summaries, dateLine);
    }

    SubjectResultSheetData sheet(GradeSubject subject, AssessmentScope scope, DocumentIdentity id, String dateLine) {
        return new SubjectResultSheetData(id, school, c.schoolClass().code(), String.valueOf(c.schoolClass().grade()),
                c.year().name(), scope, marks(subject), dateLine);
    }

    private List<SubjectMarksTable> subjects(Function<String, Optional<SignedSheetReference>> signedSheets) {
        return c.subjects().stream().map(this::marks)
                .map(m -> signedSheets.apply(m.code()).map(m::withSignedSheet).orElse(m)).toList();
    }

    private SubjectMarksTable marks(GradeSubject gs) {
        SubjectCode code = new SubjectCode(gs.subject().code());
        List<MarkRow> rows = new ArrayList<>();
        int columns = 1;
        for (int i = 0; i < c.size(); i++) {
            var entered = c.record(i).marksOf(code);
            columns = Math.max(columns, Math.max(entered.hk1().regular().size(), entered.hk2().regular().size()));
            SubjectResult result = c.result(i).subject(code);
            rows.add(new MarkRow(c.record(i).fullName(), regular(entered.hk1()), PrintedValues.entered(entered.hk1().midterm()),
                    PrintedValues.entered(entered.hk1().endOfTerm()), PrintedValues.result(result == null ? null : result.hk1()),
                    regular(entered.hk2()), PrintedValues.entered(entered.hk2().midterm()),
                    PrintedValues.entered(entered.hk2().endOfTerm()), PrintedValues.result(result == null ? null : result.hk2()),
                    PrintedValues.result(result == null ? null : result.year()),
                    PrintedValues.result(result == null ? null : result.retest())));
        }
        return new SubjectMarksTable(gs.subject().code(), gs.subject().name(), c.teacherLine(gs.subject().code()),
                gs.subject().assessment() == AssessedBy.COMMENT, columns, rows,
                c.teachers().getOrDefault(gs.subject().code(), List.of()));
    }

    private StudentSummary summary(int i, AssessmentScope scope) {
        StudentResults r = c.result(i);
        int[] absences = students.absences(i, scope);
        boolean year = scope == AssessmentScope.YEAR;
        return new StudentSummary(r.fullName(), conduct(i), learning(r),
                absences[0], absences[1], year ? PrintedValues.promotion(r.promotion()) : "",
                year ? PrintedValues.title(r.title()) : "");
    }

    /** Term ratings as the homeroom teacher gave them; year and summer re-assessment from the engine (TT22 Art. 8, 13). */
    TermLevels conduct(int i) {
        var rated = c.record(i).conduct();
        var computed = c.result(i).conduct();
        return new TermLevels(PrintedValues.level(rated.hk1()), PrintedValues.level(rated.hk2()),
                computed == null ? "" : PrintedValues.level(computed.year()),
                computed == null ? "" : PrintedValues.level(computed.afterSummer()));
    }

    /** TT22 Art. 9 levels per term and year, and after the retest (Art. 14); "" while incomplete. */
    static TermLevels learning(StudentResults r) {
        var l = r.learning();
        if (l == null) {
            return new TermLevels("", "", "", "");
        }
        return new TermLevels(level(l.hk1()), level(l.hk2()), level(l.year()), level(l.afterRetest()));
    }

    private static String level(LearningResult result) {
        return result == null ? "" : PrintedValues.level(result.level());
    }

    private static List<String> regular(TermMarks marks) {
        return marks.regular().stream().map(PrintedValues::entered).toList();
    }
}
