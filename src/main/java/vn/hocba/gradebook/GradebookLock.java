package vn.hocba.gradebook;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** An active or past lock of part of the gradebook. */
public record GradebookLock(long id, Scope scope, long yearId, int term, Long classId, Long subjectId, Instant lockedAt,
        String lockedBy, String lockedByName, String reason, Instant unlockedAt) {

    /** What a lock covers. */
    public enum Scope { SCHOOL_TERM, CLASS_TERM, SUBJECT_TERM }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    public boolean active() {
        return unlockedAt == null;
    }

    /** "khoá từ 10:00 ngày 17/01/2026 bởi Lê Văn Triển (lí do: …)". */
    public String describe() {
        return "khoá từ " + WHEN.format(lockedAt) + " bởi " + lockedByName + " (lí do: " + reason + ")";
    }
}
