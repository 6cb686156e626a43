package vn.hocba.gradebook;

import java.time.Instant;

/** An immutable snapshot taken at a lock (without its documents, for lists). */
public record Snapshot(long id, long lockId, long classId, Instant takenAt, String gradebookSha256,
        String resultsSha256) {
}
