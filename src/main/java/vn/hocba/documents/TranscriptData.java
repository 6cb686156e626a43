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
 * @param promotionLine      the form's year-end line: the decision for grades 6–8, for grade 9 whether the
 *                           student is recognised as having completed THCS ({@link TranscriptForm#COMPLETED})
 * @param certificates       certificates the student obtained in the year ("Chứng chỉ"), none when empty
 * @param competitions       results in competitions ("Kết quả tham gia các cuộc thi"), none when empty
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
        List<String> competitions) implements DocumentData {

    public TranscriptData {
        subjects = List.copyOf(subjects);
        correctedSubjects = List.copyOf(correctedSubjects);
        registerNumber = registerNumber == null ? "" : registerNumber;
        promotionLine = promotionLine == null ? promotion : promotionLine;
        certificates = List.copyOf(certificates);
        competitions = List.copyOf(competitions);
    }

    /** Without the form's extras: no register number, the decision as the year-end line, no certificates or competitions. */
    public TranscriptData(DocumentIdentity identity, SchoolInfo school, PrintedProfile student, String className,
            String grade, String schoolYear, List<SubjectRow> subjects, int correctionCount,
            List<String> correctedSubjects, TermLevels conduct, TermLevels learning, int absences, String promotion,
            String awards, String homeroomComment, String homeroomTeacher, String principalTitle, String principalName,
            String dateLine) {
        this(identity, school, student, className, grade, schoolYear, subjects, correctionCount, correctedSubjects,
                conduct, learning, absences, promotion, awards, homeroomComment, homeroomTeacher, principalTitle,
                principalName, dateLine, "", promotion, List.of(), List.of());
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
}
