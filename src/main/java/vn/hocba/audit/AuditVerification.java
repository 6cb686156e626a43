package vn.hocba.audit;

import java.time.Instant;
import java.util.List;

/**
 * The result of checking the chain: how many entries were checked and, if the chain is broken,
 * the first entry where it breaks and why (in Vietnamese, for the principal and the admin board);
 * how many checkpoints kept outside the database it was compared with, the newest of them, and every
 * difference found against them ({@code findings}: entries changed, removed or inserted since a
 * checkpoint, checkpoints that do not verify or are missing).
 */
public record AuditVerification(long entriesChecked, boolean intact, Long firstBrokenEntry, String problem,
        int checkpointsChecked, Long lastCheckpointEntry, Instant lastCheckpointTime, List<String> findings) {

    /** A result without checkpoints. */
    public AuditVerification(long entriesChecked, boolean intact, Long firstBrokenEntry, String problem) {
        this(entriesChecked, intact, firstBrokenEntry, problem, 0, null, null, List.of());
    }

    static AuditVerification intact(long checked) {
        return new AuditVerification(checked, true, null, null);
    }

    static AuditVerification broken(long checked, long entry, String problem) {
        return new AuditVerification(checked, false, entry, problem);
    }
}
