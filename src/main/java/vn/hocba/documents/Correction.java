package vn.hocba.documents;

/**
 * One approved mark correction: which mark, old and new value, why, and who asked, confirmed and
 * approved it when (times formatted "dd/MM/yyyy HH:mm").
 *
 * @param assessment the corrected column, e.g. "ĐĐGck HK I"
 */
public record Correction(String studentName, String subjectName, String assessment, String oldValue,
        String newValue, String reason, String requestedBy, String requestedAt, String confirmedBy,
        String confirmedAt, String approvedBy, String approvedAt) {
}
