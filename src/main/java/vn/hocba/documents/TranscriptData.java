package vn.hocba.documents;

import java.util.List;

/**
 * One student's transcript (học bạ) for one school year: the profile page and the year page.
 *
 * @param correctionCount    number of corrections in the subject table ("có sửa chữa ở … chỗ")
 * @param correctedSubjects  the subjects those corrections belong to
 * @param absences           total sessions absent in the year (excused + unexcused)
 * @param promotion          decision text, e.g. "Được lên lớp"
 * @param principalTitle     "HIỆU TRƯỞNG" or "KT. HIỆU TRƯỞNG / PHÓ HIỆU TRƯỞNG"
 * @param dateLine           e.g. "Hà Nội, ngày 31 tháng 5 năm 2025"
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
        String dateLine) implements DocumentData {

    public TranscriptData {
        subjects = List.copyOf(subjects);
        correctedSubjects = List.copyOf(correctedSubjects);
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.TRANSCRIPT;
    }

    @Override
    public String title() {
        return "Học bạ " + student.fullName() + " - lớp " + className + " - năm học " + schoolYear;
    }
}
