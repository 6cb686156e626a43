package vn.hocba.audit;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A checkpoint of the audit chain made outside the database: the head it anchors (entry id, hash,
 * number of entries), the time its RFC 3161 time-stamp certifies, the occasion (a lock, a signing
 * batch, the daily run) and the directory holding {@code checkpoint.json} with its signature and time-stamp.
 */
public record AuditCheckpoint(String chain, long entryId, String entryHash, long entries, Instant time, String occasion,
        Path directory) {
}
