package vn.hocba.gradebook.corrections;

import java.time.Instant;
import vn.hocba.gradebook.MarkKind;
/** A request to change one locked mark, and where it stands (seed 001 §5, domain.md §2.4). */
public record CorrectionRequest(long id, long classId, long subjectId, long studentId, int term, MarkKind kind,
        int column, String oldValue, String newValue, String reason, String evidenceName, Status status,
        String requestedBy, Instant requestedAt, String confirmedBy, Instant confirmedAt, String decidedBy,
        Instant decidedAt, String decisionReason, String overrideReason, Instant appliedAt) {

    /** REQUESTED → CONFIRMED (homeroom) → APPROVED (principal) → APPLIED; or RETURNED / REJECTED. */
    public enum Status { REQUESTED, CONFIRMED, RETURNED, APPROVED, REJECTED, APPLIED }
}
