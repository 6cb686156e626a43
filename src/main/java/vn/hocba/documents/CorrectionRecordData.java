package vn.hocba.documents;

import java.util.List;

/** The correction record (biên bản sửa điểm) of a class: every approved correction. */
public record CorrectionRecordData(
        DocumentIdentity identity,
        SchoolInfo school,
        String className,
        String schoolYear,
        List<Correction> corrections,
        String homeroomTeacher,
        String principalTitle,
        String principalName,
        String dateLine) implements DocumentData {

    public CorrectionRecordData {
        corrections = List.copyOf(corrections);
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.CORRECTION_RECORD;
    }

    @Override
    public String title() {
        return "Biên bản sửa điểm - lớp " + className + " - năm học " + schoolYear;
    }
}
