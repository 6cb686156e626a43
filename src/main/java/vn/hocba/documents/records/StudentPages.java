package vn.hocba.documents.records;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import vn.hocba.documents.AssessmentScope;
import vn.hocba.documents.AttendanceMonth;
import vn.hocba.documents.AttendanceRow;
import vn.hocba.documents.DocumentIdentity;
import vn.hocba.documents.ReportCardData;
import vn.hocba.documents.ReportCardRow;
import vn.hocba.documents.ReportCardYear;
import vn.hocba.documents.SchoolInfo;
import vn.hocba.documents.SignedSheetReference;
import vn.hocba.documents.PrintedProfile;
import vn.hocba.documents.SubjectRow;
import vn.hocba.documents.TranscriptData;
import vn.hocba.documents.TranscriptForm;
import vn.hocba.gradebook.comments.CommentPeriod;
import vn.hocba.gradebook.corrections.CorrectionRequest;
import vn.hocba.gradebook.homeroom.HomeroomRecords.AbsenceDay;
import vn.hocba.gradebook.homeroom.HomeroomRecords.MonthlyAbsences;
import vn.hocba.grading.StudentResults;
import vn.hocba.grading.SubjectCode;
import vn.hocba.grading.SubjectResult;
import vn.hocba.grading.TermMarks;
import vn.hocba.schoolyear.GradeSubject;
import vn.hocba.students.EnrolledStudent;
import vn.hocba.students.StudentProfile;

/** Per-student documents (transcript, report card), profiles and attendance of one class. */
final class StudentPages {

    private final ClassRecords c;
    private final SchoolInfo school;

    StudentPages(ClassRecords records, SchoolInfo school) {
        this.c = records;
        this.school = school;
    }

    List<PrintedProfile> profiles() {
        return c.roster().stream().map(StudentPages::profile).toList();
    }

    /** @param signedSheets subject code → its signed class result sheet, which the row then refers to */
    TranscriptData transcript(int i, DocumentIdentity id, String dateLine, ClassPages classPages,
            Function<String, Optional<SignedSheetReference>> signedSheets) {
        StudentResults r = c.result(i);
        long studentId = c.roster().get(i).student().id().value();
        List<SubjectRow> rows = new ArrayList<>();
        for (GradeSubject gs : c.subjects()) {
            SubjectResult s = r.subject(new SubjectCode(gs.subject().code()));
            SubjectRow row = new SubjectRow(gs.subject().code(), gs.subject().name(), result(s, 1), result(s, 2),
                    result(s, 0), s == null ? "" : PrintedValues.result(s.retest()),
                    PrintedValues.text(c.comments().subject(studentId, gs.subject().code(), CommentPeriod.CN)),
                    c.teacherLine(gs.subject().code()));
            rows.add(signedSheets.apply(gs.subject().code()).map(row::withSignedSheet).orElse(row));
        }
        List<CorrectionRequest> corrections = c.correctionsOf(studentId);
        List<String> corrected = corrections.stream().map(k -> c.subjectNames().getOrDefault(k.subjectId(), ""))
                .distinct().toList();
        return new TranscriptData(id, school, profile(c.roster().get(i)), c.schoolClass().code(),
                String.valueOf(c.schoolClass().grade()), c.year().name(), rows, corrections.size(), corrected,
                classPages.conduct(i), ClassPages.learning(r), c.record(i).absences().total(),
                PrintedValues.promotion(r.promotion()), PrintedValues.title(r.title()),
                PrintedValues.text(c.comments().homeroom(studentId, CommentPeriod.CN)), c.homeroomTeacher(),
                ClassPages.PRINCIPAL_TITLE, c.principalName(), dateLine,
                PrintedValues.text(c.registerNumbers().get(studentId)), promotionLine(r), List.of(), List.of(),
                PrintedValues.decision(r.promotion()));
    }

    /** The form's year-end line: moving up for grades 6–8, the completion of THCS for grade 9. */
    private String promotionLine(StudentResults r) {
        return TranscriptForm.FINAL_GRADE.equals(String.valueOf(c.schoolClass().grade()))
                ? PrintedValues.completion(r.promotion()) : PrintedValues.promotion(r.promotion());
    }

    /** The report card of a term (its marks) or of the year (term and year results, retests, promotion). */
    ReportCardData reportCard(int i, AssessmentScope scope, DocumentIdentity id, String dateLine, ClassPages classPages) {
        StudentResults r = c.result(i);
        List<ReportCardRow> rows = new ArrayList<>();
        List<ReportCardYear.ReportCardYearRow> yearRows = new ArrayList<>();
        for (GradeSubject gs : c.subjects()) {
            SubjectCode code = new SubjectCode(gs.subject().code());
            SubjectResult s = r.subject(code);
            if (scope == AssessmentScope.YEAR) {
                yearRows.add(new ReportCardYear.ReportCardYearRow(gs.subject().name(), result(s, 1), result(s, 2),
                        result(s, 0), s == null ? "" : PrintedValues.result(s.retest())));
                continue;
            }
            int term = scope == AssessmentScope.TERM_1 ? 1 : 2;
            TermMarks marks = term == 1 ? c.record(i).marksOf(code).hk1() : c.record(i).marksOf(code).hk2();
            rows.add(new ReportCardRow(gs.subject().name(),
                    String.join("; ", marks.regular().stream().map(PrintedValues::entered).toList()),
                    PrintedValues.entered(marks.midterm()), PrintedValues.entered(marks.endOfTerm()), result(s, term)));
        }
        ReportCardYear year = null;
        if (scope == AssessmentScope.YEAR) {
            var learning = ClassPages.learning(r);
            year = new ReportCardYear(yearRows, learning.year(), learning.reassessed(), PrintedValues.promotion(r.promotion()));
        }
        int[] absences = absences(i, scope);
        var conduct = classPages.conduct(i);
        String conductText = switch (scope) {
            case TERM_1 -> conduct.hk1();
            case TERM_2 -> conduct.hk2();
            case YEAR -> conduct.year();
        };
        return new ReportCardData(id, school, profile(c.roster().get(i)), c.schoolClass().code(), c.year().name(),
                scope.label(), rows, year, absences[0], absences[1], conductText,
                PrintedValues.text(c.comments().homeroom(c.roster().get(i).student().id().value(), period(scope))),
                c.homeroomTeacher(), dateLine);
    }

    /** The monthly P/K grids of the scope's months, with the month's totals per student. */
    List<AttendanceMonth> attendance(AssessmentScope scope) {
        List<AttendanceMonth> months = new ArrayList<>();
        for (YearMonth month : c.months(term(scope))) {
            Map<Long, MonthlyAbsences> counts = c.absences().getOrDefault(month, Map.of());
            List<AttendanceRow> rows = new ArrayList<>();
            for (EnrolledStudent e : c.roster()) {
                MonthlyAbsences a = counts.get(e.student().id().value());
                rows.add(new AttendanceRow(e.student().profile().fullName(), days(month, e.student().id().value()),
                        a == null ? 0 : a.excused(), a == null ? 0 : a.unexcused()));
            }
            months.add(new AttendanceMonth(month.getMonthValue() + "/" + month.getYear(), month.lengthOfMonth(), rows));
        }
        return months;
    }

    /** "", "P" or "K" for each day of the month. */
    private List<String> days(YearMonth month, long studentId) {
        String[] marks = new String[month.lengthOfMonth()];
        java.util.Arrays.fill(marks, "");
        for (AbsenceDay day : c.absenceDays().getOrDefault(month, List.of())) {
            if (day.studentId() == studentId) {
                marks[day.day().getDayOfMonth() - 1] = day.excused() ? "P" : "K";
            }
        }
        return List.of(marks);
    }

    /** {excused, unexcused} sessions of student i in the scope's months. */
    int[] absences(int i, AssessmentScope scope) {
        long id = c.roster().get(i).student().id().value();
        int[] total = new int[2];
        for (YearMonth month : c.months(term(scope))) {
            MonthlyAbsences a = c.absences().getOrDefault(month, Map.of()).get(id);
            if (a != null) {
                total[0] += a.excused();
                total[1] += a.unexcused();
            }
        }
        return total;
    }

    /** The homeroom comment a report card prints: the term's, or the year's on the year card. */
    private static CommentPeriod period(AssessmentScope scope) {
        return switch (scope) {
            case TERM_1 -> CommentPeriod.HK1;
            case TERM_2 -> CommentPeriod.HK2;
            case YEAR -> CommentPeriod.CN;
        };
    }

    private static int term(AssessmentScope scope) {
        return switch (scope) {
            case TERM_1 -> 1;
            case TERM_2 -> 2;
            case YEAR -> 0;
        };
    }

    /** Term 1, term 2 or (0) the year result, as printed. */
    private static String result(SubjectResult s, int term) {
        if (s == null) {
            return "";
        }
        return PrintedValues.result(term == 1 ? s.hk1() : term == 2 ? s.hk2() : s.year());
    }

    static PrintedProfile profile(EnrolledStudent e) {
        var p = e.student().profile();
        return new PrintedProfile(p.code(), PrintedValues.text(p.nationalId()), PrintedValues.text(p.fullName()),
                p.sex() == null ? "" : p.sex().label(), PrintedValues.date(p.dateOfBirth()),
                PrintedValues.text(p.placeOfBirth()), PrintedValues.text(p.ethnicity()), PrintedValues.text(p.policyStatus()),
                PrintedValues.text(p.address()), name(p.father()), occupation(p.father()), name(p.mother()),
                occupation(p.mother()), name(p.guardian()), occupation(p.guardian()));
    }

    private static String name(StudentProfile.Parent parent) {
        return parent == null ? "" : PrintedValues.text(parent.name());
    }

    private static String occupation(StudentProfile.Parent parent) {
        return parent == null ? "" : PrintedValues.text(parent.occupation());
    }
}
