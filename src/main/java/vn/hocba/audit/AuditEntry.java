package vn.hocba.audit;

import java.time.Instant;

/** A stored audit entry with its place in the hash chain. */
public record AuditEntry(long id, Instant occurredAt, AuditRecord record, String previousHash, String entryHash) {

    /**
     * The canonical content the hash covers: every field but the database id (the chain itself
     * fixes the order), length-prefixed so that no choice of values makes two entries serialise alike.
     */
    String canonical() {
        StringBuilder out = new StringBuilder();
        for (String field : new String[] {occurredAt.toString(), record.actor().username(),
            record.actor().role(), record.actor().clientAddress(), record.action(), record.target(), record.oldValue(),
            record.newValue(), record.reason(), record.relatedRequest()}) {
            out.append(field == null ? "-1:" : field.length() + ":" + field).append('|');
        }
        return out.toString();
    }
}
