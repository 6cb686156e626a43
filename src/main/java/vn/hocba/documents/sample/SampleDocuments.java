package vn.hocba.documents.sample;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import vn.hocba.documents.AssessmentScope;
import vn.hocba.documents.ClassDocumentGenerator;
import vn.hocba.documents.ClassGradebookData;
import vn.hocba.documents.Correction;
import vn.hocba.documents.CorrectionRecordData;
import vn.hocba.documents.DocumentData;
import vn.hocba.documents.DocumentIdentity;
import vn.hocba.documents.MarkRow;
import vn.hocba.documents.ReportCardData;
import vn.hocba.documents.ReportCardRow;
import vn.hocba.documents.ReportCardYear;
import vn.hocba.documents.SchoolInfo;
import vn.hocba.documents.PrintedProfile;
import vn.hocba.documents.SubjectMarksTable;
import vn.hocba.documents.SubjectResultSheetData;
import vn.hocba.documents.TranscriptData;
import vn.hocba.documents.TranscriptForm;

/**
 * Demo documents of THCS Mẫu, class 7A1, school year 2024-2025: the same values on every run.
 * The demo student is the first of the class, Đặng Thị Ánh.
 */
public final class SampleDocuments {

    public static final SchoolInfo SCHOOL = new SchoolInfo("PHÒNG GD&ĐT QUẬN CẦU GIẤY", "TRƯỜNG THCS MẪU", "01001", "Thành phố Hà Nội", "Quận Cầu Giấy", "Hà Nội");
    public static final Instant ISSUED_AT = Instant.parse("2025-05-31T03:00:00Z");
    public static final String YEAR = "2024-2025";
    /** The student who failed a subject and was retested (their year report card shows it). */
    public static final int RETESTED_STUDENT = SampleClass.RETEST_STUDENT;
    public static final String CLASS = "7A1";
    static final String HOMEROOM = "Phạm Thị Thanh Hương";
    static final String PRINCIPAL = "Nguyễn Văn Đông";
    static final String DATE_LINE = "Hà Nội, ngày 31 tháng 5 năm 2025";
    /** The year class 7A1 entered grade 6: register numbers (số sổ đăng bộ) are "n/2023". */
    static final int ENTRY_YEAR = 2023;
    /** The demo student's competition result, printed under "Kết quả tham gia các cuộc thi". */
    public static final String COMPETITION = "Giải Nhì Olympic Toán cấp quận";

    private final SampleClass sampleClass;

    private SampleDocuments(int classSize) {
        this.sampleClass = new SampleClass(classSize);
    }

    /** The demo class with 40 students. */
    public static SampleDocuments create() {
        return new SampleDocuments(40);
    }

    /** A demo class of another size (benchmarks). */
    public static SampleDocuments withClassSize(int size) {
        return new SampleDocuments(size);
    }

    /** One document of each type, for the demo student and the demo class. */
    public List<DocumentData> oneOfEach() {
        return List.of(transcript(0), classGradebook(), subjectResultSheet(1), reportCard(0), correctionRecord());
    }

    public int classSize() {
        return sampleClass.students.size();
    }

    public TranscriptData transcript(int student) {
        PrintedProfile p = sampleClass.students.get(student);
        var summary = sampleClass.summaries.get(student);
        boolean corrected = student == 0;
        return new TranscriptData(identity("HB", p.studentCode()), SCHOOL, p, CLASS, "7", YEAR,
                sampleClass.transcriptRows.get(student), corrected ? 1 : 0, corrected ? List.of("Toán") : List.of(),
                summary.conduct(), summary.learning(), summary.excusedAbsences() + summary.unexcusedAbsences(),
                summary.decision(), summary.award(),
                "Chăm ngoan, lễ phép; tích cực tham gia các hoạt động của lớp và của trường.", HOMEROOM,
                "HIỆU TRƯỞNG", PRINCIPAL, DATE_LINE, (student + 1) + "/" + ENTRY_YEAR, summary.decision(), List.of(),
                student == 0 ? List.of(COMPETITION) : List.of(), decision(summary.learning().reassessed()));
    }

    /** The option of the form's year-end decision, by the same rule as the summary's decision text. */
    private static TranscriptForm.Decision decision(String learningAfterRetest) {
        if (learningAfterRetest.isEmpty()) {
            return TranscriptForm.Decision.PROMOTED;
        }
        return SampleLevels.atLeast(learningAfterRetest, SampleLevels.DAT)
                ? TranscriptForm.Decision.PROMOTED_AFTER_REASSESSMENT : TranscriptForm.Decision.NOT_PROMOTED;
    }

    /** All transcripts of the class, built on demand. */
    public List<TranscriptData> transcripts() {
        return IntStream.range(0, classSize()).mapToObj(this::transcript).toList();
    }

    public ClassGradebookData classGradebook() {
        return classGradebook(AssessmentScope.YEAR);
    }

    /** The class gradebook for one term or the year; the id names the scope. */
    public ClassGradebookData classGradebook(AssessmentScope scope) {
        String id = scope == AssessmentScope.YEAR ? CLASS : CLASS + "-" + scope.name().replace("_", "");
        return new ClassGradebookData(identity("SO", id), SCHOOL, CLASS, "7", YEAR, scope, HOMEROOM,
                "HIỆU TRƯỞNG", PRINCIPAL, sampleClass.students, sampleClass.attendance, sampleClass.subjectMarks(),
                sampleClass.summaries, DATE_LINE);
    }

    public SubjectResultSheetData subjectResultSheet(int subject) {
        return subjectResultSheet(subject, AssessmentScope.YEAR);
    }

    public SubjectResultSheetData subjectResultSheet(int subject, AssessmentScope scope) {
        return ClassDocumentGenerator.resultSheet(classGradebook(scope), sampleClass.subjectMarks().get(subject));
    }

    public ReportCardData reportCard(int student) {
        PrintedProfile p = sampleClass.students.get(student);
        List<ReportCardRow> rows = new ArrayList<>();
        for (SubjectMarksTable s : sampleClass.subjectMarks()) {
            MarkRow m = s.rows().get(student);
            rows.add(new ReportCardRow(s.name(), String.join("; ", m.hk2Regular()), m.hk2Mid(), m.hk2End(),
                    m.hk2Result()));
        }
        var summary = sampleClass.summaries.get(student);
        return new ReportCardData(identity("LL", p.studentCode() + "-HK2"), SCHOOL, p, CLASS, YEAR, "Học kì II",
                rows, null, summary.excusedAbsences(), summary.unexcusedAbsences(), summary.conduct().hk2(),
                "Em chăm ngoan, học tập tiến bộ; gia đình tiếp tục nhắc nhở em ôn luyện trong hè.", HOMEROOM, DATE_LINE);
    }

    /** The year's report card: term and year results, retests, the year's learning result and promotion. */
    public ReportCardData yearReportCard(int student) {
        PrintedProfile p = sampleClass.students.get(student);
        List<ReportCardYear.ReportCardYearRow> rows = new ArrayList<>();
        for (SubjectMarksTable s : sampleClass.subjectMarks()) {
            MarkRow m = s.rows().get(student);
            rows.add(new ReportCardYear.ReportCardYearRow(s.name(), m.hk1Result(), m.hk2Result(), m.yearResult(),
                    m.reassessment()));
        }
        var summary = sampleClass.summaries.get(student);
        ReportCardYear year = new ReportCardYear(rows, summary.learning().year(), summary.learning().reassessed(),
                summary.decision());
        return new ReportCardData(identity("LL", p.studentCode() + "-CN"), SCHOOL, p, CLASS, YEAR, "Cả năm",
                List.of(), year, summary.excusedAbsences(), summary.unexcusedAbsences(), summary.conduct().year(),
                "Em chăm ngoan, học tập tiến bộ; chúc em một mùa hè vui và bổ ích.", HOMEROOM, DATE_LINE);
    }

    public CorrectionRecordData correctionRecord() {
        String student = sampleClass.students.get(0).fullName();
        Correction correction = new Correction(student, "Toán", "ĐĐGck HK I", "7,5", "8,5",
                "Nhập nhầm điểm bài kiểm tra cuối kì (bài thi ghi 8,5)", "Trần Quốc Đạt", "05/01/2025 09:12",
                HOMEROOM, "05/01/2025 14:30", PRINCIPAL, "06/01/2025 08:05");
        Correction second = new Correction(sampleClass.students.get(2).fullName(), "Ngoại ngữ 1", "ĐĐGtx 3 HK II", "6",
                "7", "Giáo viên chấm sót một câu trả lời đúng khi phúc tra", "Phạm Thị Thu Hương", "14/03/2025 10:40",
                HOMEROOM, "14/03/2025 16:02", PRINCIPAL, "15/03/2025 07:45");
        Correction third = new Correction(sampleClass.students.get(1).fullName(), "Giáo dục thể chất", "ĐĐGgk HK II",
                "CĐ", "Đ", "Học sinh đã kiểm tra bù theo đơn xin phép (ốm có giấy của trạm y tế)", "Ngô Văn Cường",
                "02/04/2025 08:20", HOMEROOM, "02/04/2025 11:15", PRINCIPAL, "03/04/2025 09:00");
        return new CorrectionRecordData(identity("BB", CLASS), SCHOOL, CLASS, YEAR, List.of(correction, second, third),
                HOMEROOM,
                "HIỆU TRƯỞNG", PRINCIPAL, DATE_LINE);
    }

    private static DocumentIdentity identity(String prefix, String subject) {
        return DocumentIdentity.first(prefix + "-" + SCHOOL.code() + "-" + YEAR + "-" + subject, ISSUED_AT);
    }
}
