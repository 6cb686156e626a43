package vn.hocba.documents;

/**
 * One student's term/year summary in the class gradebook.
 *
 * @param decision  promotion decision text, e.g. "Được lên lớp", "" for a term gradebook
 * @param award     title, e.g. "Học sinh Giỏi", "" when none
 */
public record StudentSummary(String studentName, TermLevels conduct, TermLevels learning,
        int excusedAbsences, int unexcusedAbsences, String decision, String award) {
}
