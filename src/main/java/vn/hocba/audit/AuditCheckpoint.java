package vn.hocba.audit;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A checkpoint of the audit chain made outside the database: the head it anchors (entry id, hash,
 * number of entries), the time its RFC 3161 time-stamp certifies, the occasion (a lock, a signing
 * batch, the daily run) and where {@code checkpoint.json} with its signature and time-stamp lie (a
 * folder, or the object store's bucket and key prefix).
 */
public record AuditCheckpoint(String chain, long entryId, String entryHash, long entries, Instant time, String occasion,
        String location) {

    /** The checkpoint's folder, where checkpoints are kept in a folder (the single-node default). */
    public Path directory() {
        return Path.of(location);
    }
}
