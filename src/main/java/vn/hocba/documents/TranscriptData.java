package vn.hocba.documents;

import java.util.List;

/**
 * One student's transcript (học bạ) for one school year, printed on the TT22 THCS form
 * ({@link TranscriptForm}): cover, profile page and the year's pages.
 *
 * @param correctionCount    number of corrections in the subject table ("có sửa chữa ở … chỗ")
 * @param correctedSubjects  the subjects those corrections belong to
 * @param absences           total sessions absent in the year (excused + unexcused)
 * @param promotion          decision text, e.g. "Được lên lớp"
 * @param principalTitle     "HIỆU TRƯỞNG" or "KT. HIỆU TRƯỞNG / PHÓ HIỆU TRƯỞNG"
 * @param dateLine           e.g. "Hà Nội, ngày 31 tháng 5 năm 2025"
 * @param registerNumber     the student's number in the school's register (số sổ đăng bộ), "" when unknown
 * @param promotionLine      grade 9: whether the student completes THCS ({@link TranscriptForm#COMPLETED}), printed
 *                           on the form's completion line; for grades 6–8 the decision's text (not printed: the
 *                           form marks one of its options, see {@code decision})
 * @param certificates       certificates the student obtained in the year ("Chứng chỉ"), none when empty
 * @param competitions       results in competitions ("Kết quả tham gia các cuộc thi"), none when empty
 * @param decision           the year-end decision, marked among the form's three options
 */
public record TranscriptData(
        DocumentIdentity identity,
        SchoolInfo school,
        PrintedProfile student,
        String className,
        String grade,
        String schoolYear,
        List<SubjectRow> subjects,
        int correctionCount,
        List<String> correctedSubjects,
        TermLevels conduct,
        TermLevels learning,
        int absences,
        String promotion,
        String awards,
        String homeroomComment,
        String homeroomTeacher,
        String principalTitle,
        String principalName,
        String dateLine,
        String registerNumber,
        String promotionLine,
        List<String> certificates,
        List<String> competitions,
        TranscriptForm.Decision decision) implements DocumentData {

    public TranscriptData {
        subjects = List.copyOf(subjects);
        correctedSubjects = List.copyOf(correctedSubjects);
        registerNumber = registerNumber == null ? "" : registerNumber;
        promotionLine = promotionLine == null ? promotion : promotionLine;
        certificates = List.copyOf(certificates);
        competitions = List.copyOf(competitions);
        decision = decision == null ? TranscriptForm.Decision.UNDECIDED : decision;
    }

    /** Without the form's extras: no register number, the decision as the year-end line, no certificates or competitions. */
    public TranscriptData(DocumentIdentity identity, SchoolInfo school, PrintedProfile student, String className,
            String grade, String schoolYear, List<SubjectRow> subjects, int correctionCount,
            List<String> correctedSubjects, TermLevels conduct, TermLevels learning, int absences, String promotion,
            String awards, String homeroomComment, String homeroomTeacher, String principalTitle, String principalName,
            String dateLine) {
        this(identity, school, student, className, grade, schoolYear, subjects, correctionCount, correctedSubjects,
                conduct, learning, absences, promotion, awards, homeroomComment, homeroomTeacher, principalTitle,
                principalName, dateLine, "", promotion, List.of(), List.of(), TranscriptForm.Decision.UNDECIDED);
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.TRANSCRIPT;
    }

    @Override
    public String title() {
        return "Học bạ " + student.fullName() + " - lớp " + className + " - năm học " + schoolYear;
    }

    /** The subject table as the form prints it: its fourteen rows in order, then any other subject. */
    public List<SubjectRow> formRows() {
        return TranscriptForm.rows(subjects);
    }

    /** "Toán: 6,0; Ngữ văn: 6,0": each subject re-assessed after the summer retest (TT22 Art. 14) and its result; "" when none. */
    public String retestResults() {
        return subjects.stream().filter(s -> !s.reassessment().isBlank())
                .map(s -> s.name() + ": " + s.reassessment()).collect(java.util.stream.Collectors.joining("; "));
    }

    /** "12/2022/THCS": the number on the cover, "" when the register number is unknown. */
    public String coverSchool() {
        return TranscriptForm.coverSchool(school.name());
    }

    public String coverNumber() {
        return TranscriptForm.coverNumber(registerNumber);
    }

    /** Grade 9: the year-end line is the completion of THCS rather than moving up. */
    public boolean finalGrade() {
        return TranscriptForm.FINAL_GRADE.equals(grade == null ? "" : grade.strip());
    }

    /** The form's three year-end options in order, the student's decision marked. */
    public List<TranscriptForm.DecisionOption> decisionOptions() {
        return TranscriptForm.options(decision);
    }

    /** The completion line's printed label ({@link TranscriptForm#COMPLETION_LABEL}). */
    public String completionLabel() {
        return TranscriptForm.COMPLETION_LABEL;
    }

    /** What the completion line says: for grade 9 whether THCS is completed, "" for grades 6–8. */
    public String completionLine() {
        return finalGrade() ? promotionLine : "";
    }

    /** The cover's label under the school: the commune from 2025-2026 on, the district before. */
    public String localUnitLabel() {
        return TranscriptForm.twoLevelLocalGovernment(schoolYear) ? TranscriptForm.COMMUNE_LABEL
                : TranscriptForm.DISTRICT_LABEL;
    }

    /** The school's commune (from 2025-2026 on) or district (before), "" when unknown. */
    public String localUnit() {
        String unit = TranscriptForm.twoLevelLocalGovernment(schoolYear) ? school.commune() : school.district();
        return unit == null ? "" : unit.strip();
    }

    /** The heading of the QUÁ TRÌNH HỌC TẬP table's school column, by the same rule as {@link #localUnitLabel()}. */
    public String schoolColumnHeading() {
        return TranscriptForm.twoLevelLocalGovernment(schoolYear) ? "Tên trường, xã (phường, đặc khu), tỉnh (thành phố)"
                : "Tên trường, huyện (quận), tỉnh (thành phố)";
    }

    /** "TRƯỜNG THCS MẪU, Phường Cầu Giấy, Thành phố Hà Nội": name, commune or district, province, those not empty. */
    public String schoolAndPlace() {
        return java.util.stream.Stream.of(school.name(), localUnit(), school.province())
                .filter(s -> s != null && !s.isBlank()).map(String::strip)
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
