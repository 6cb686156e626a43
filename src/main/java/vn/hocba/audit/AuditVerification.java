package vn.hocba.audit;

/**
 * The result of checking the chain: how many entries were checked and, if the chain is broken,
 * the first entry where it breaks and why (in Vietnamese, for the principal and the admin board).
 */
public record AuditVerification(long entriesChecked, boolean intact, Long firstBrokenEntry, String problem) {

    static AuditVerification intact(long checked) {
        return new AuditVerification(checked, true, null, null);
    }

    static AuditVerification broken(long checked, long entry, String problem) {
        return new AuditVerification(checked, false, entry, problem);
    }
}
