package vn.hocba.documents.records;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import vn.hocba.documents.AssessmentScope;
import vn.hocba.documents.DocumentKind;
import vn.hocba.documents.SchoolInfo;
import vn.hocba.documents.SignedSheetReference;
import vn.hocba.documents.SignedSheets;
import vn.hocba.schoolyear.GradeSubject;
import vn.hocba.students.EnrolledStudent;

/**
 * The documents a class issues for a scope: the class gradebook and one result sheet per subject;
 * one report card per student; for the year also each student's transcript and, when corrections
 * were applied, the correction record. Document ids name school, year, class or student and scope,
 * e.g. {@code HB-DEMO01-2025-2026-HS00001}, {@code SO-DEMO01-2025-2026-6A1-HK1}.
 */
public final class DocumentDrafts {

    private DocumentDrafts() {
    }

    /**
     * @param authority the governing body printed above the school's name
     * @param names     the full name behind an account name, for the correction record
     */
    public static List<DocumentDraft> of(ClassRecords c, AssessmentScope scope, String authority,
            UnaryOperator<String> names) {
        return of(c, scope, authority, names, SignedSheets.NONE);
    }

    /**
     * As {@link #of(ClassRecords, AssessmentScope, String, UnaryOperator)}, each transcript row and
     * each marks table of the class gradebook referring to its subject's signed result sheet where
     * {@code sheets} knows one.
     */
    public static List<DocumentDraft> of(ClassRecords c, AssessmentScope scope, String authority,
            UnaryOperator<String> names, SignedSheets sheets) {
        SchoolInfo school = school(c, authority);
        StudentPages students = new StudentPages(c, school);
        ClassPages classes = new ClassPages(c, school, students);
        String prefix = c.school().code() + "-" + c.year().name() + "-";
        String classId = prefix + c.schoolClass().code() + "-" + suffix(scope);
        // Looked up once per run, by the thread that builds the drafts; that must be the issuing thread (in its
        // transaction), never a render thread, which would not see sheets made final in that transaction.
        Map<String, Optional<SignedSheetReference>> signed = new ConcurrentHashMap<>();
        Function<String, Optional<SignedSheetReference>> sheetOf = code -> signed.computeIfAbsent(code,
                k -> sheets.of(sheetId(classId, k)));
        List<DocumentDraft> drafts = new ArrayList<>();
        drafts.add(new DocumentDraft("SO-" + classId, DocumentKind.CLASS_GRADEBOOK, null, null,
                (id, date) -> classes.gradebook(scope, id, date, sheetOf)));
        for (GradeSubject gs : c.subjects()) {
            drafts.add(new DocumentDraft(sheetId(classId, gs.subject().code()), DocumentKind.SUBJECT_RESULT_SHEET,
                    null, null, (id, date) -> classes.sheet(gs, scope, id, date)));
        }
        for (int i = 0; i < c.size(); i++) {
            int student = i;
            EnrolledStudent e = c.roster().get(i);
            String code = prefix + e.student().profile().code();
            if (scope == AssessmentScope.YEAR) {
                drafts.add(new DocumentDraft("HB-" + code, DocumentKind.TRANSCRIPT, e.student().id().value(),
                        e.student().profile().fullName(), (id, date) -> students.transcript(student, id, date, classes, sheetOf)));
            }
            drafts.add(new DocumentDraft("LL-" + code + "-" + suffix(scope), DocumentKind.REPORT_CARD,
                    e.student().id().value(), e.student().profile().fullName(),
                    (id, date) -> students.reportCard(student, scope, id, date, classes)));
        }
        if (scope == AssessmentScope.YEAR && !c.corrections().isEmpty()) {
            CorrectionPages corrections = new CorrectionPages(c, school, names);
            drafts.add(new DocumentDraft("BB-" + prefix + c.schoolClass().code(), DocumentKind.CORRECTION_RECORD, null,
                    null, corrections::record));
        }
        return drafts;
    }

    /** The result sheet of a subject of the class: {@code KQ-<school>-<year>-<class>-<scope>-<subject>}. */
    private static String sheetId(String classId, String subjectCode) {
        return "KQ-" + classId + "-" + subjectCode;
    }

    /** The date line above the signatures, at the school's place. */
    public static String dateLine(ClassRecords c, LocalDate date) {
        return PrintedValues.dateLine(place(c), date);
    }

    static String suffix(AssessmentScope scope) {
        return switch (scope) {
            case TERM_1 -> "HK1";
            case TERM_2 -> "HK2";
            case YEAR -> "CN";
        };
    }

    private static SchoolInfo school(ClassRecords c, String authority) {
        Locale vi = Locale.forLanguageTag("vi");
        return new SchoolInfo(authority.toUpperCase(vi), PrintedValues.text(c.school().name()).toUpperCase(vi),
                c.school().code(), PrintedValues.text(c.school().province()), PrintedValues.text(c.school().district()),
                place(c), PrintedValues.text(c.school().commune()));
    }

    /** "Thành phố Hà Nội" → "Hà Nội", "Tỉnh Nam Định" → "Nam Định". */
    private static String place(ClassRecords c) {
        return PrintedValues.text(c.school().province()).replaceFirst("^(Thành phố|Tỉnh) ", "");
    }
}
