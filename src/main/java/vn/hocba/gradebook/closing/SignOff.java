package vn.hocba.gradebook.closing;

import java.time.Instant;

/**
 * A recorded sign-off: who signed what (its SHA-256), when; REOPENED once sent back or rejected, with who
 * reopened it, when and why (the {@code reopened*} fields are null while it is active).
 */
public record SignOff(long id, long classId, int term, Kind kind, Long subjectId, String signedBy, Instant signedAt,
        String contentSha256, boolean active, String reopenReason, String reopenedBy, Instant reopenedAt) {

    /** A subject by its teacher, the class by its homeroom teacher, the approval by the principal. */
    public enum Kind { SUBJECT, HOMEROOM, PRINCIPAL }
}
