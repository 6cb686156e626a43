package vn.hocba.audit;

/**
 * One change to append: {@code action} (e.g. MARK_CHANGED), {@code target} (what changed, e.g.
 * "mark class=7A1 subject=TOAN student=HS00012 term=1 REGULAR#2"), old and new values, the reason
 * given, and the related request (correction request id, import id…).
 */
public record AuditRecord(Actor actor, String action, String target, String oldValue, String newValue, String reason,
        String relatedRequest) {
}
