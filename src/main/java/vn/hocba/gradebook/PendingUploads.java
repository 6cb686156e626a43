package vn.hocba.gradebook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import vn.hocba.common.Rejected;

/**
 * Previews waiting for confirmation, kept in memory for 30 minutes: the cells to write with the
 * versions seen when previewing, so a cell changed meanwhile refuses the apply (409) instead of
 * being overwritten. A restart forgets them; the teacher uploads again.
 */
@Component
class PendingUploads {

    static final Duration LIFETIME = Duration.ofMinutes(30);
    private static final int MAX_PENDING = 2_000;

    record Pending(String id, String username, long classId, long subjectId, int term, String sha256, boolean applicable,
            List<String> refusals, boolean locked, List<CellChange> changes, Instant at) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Clock clock;

    PendingUploads(Clock clock) {
        this.clock = clock;
    }

    /** Keeps {@code upload} (its {@code at} is replaced by now). */
    void put(Pending upload) {
        Instant now = clock.instant();
        pending.values().removeIf(p -> p.at().plus(LIFETIME).isBefore(now));
        if (pending.size() >= MAX_PENDING) {
            throw new Rejected(Rejected.Reason.CONFLICT, "Máy chủ đang giữ quá nhiều bản xem trước chưa xác nhận; hãy thử lại sau ít phút.");
        }
        pending.put(upload.id(), new Pending(upload.id(), upload.username(), upload.classId(), upload.subjectId(), upload.term(),
                upload.sha256(), upload.applicable(), upload.refusals(), upload.locked(), upload.changes(), now));
    }

    /** Removes and returns the preview {@code id} of {@code username} for this sheet. */
    Pending take(String id, String username, long classId, long subjectId, int term) {
        Pending p = pending.get(id);
        if (p == null || !p.username().equals(username) || p.classId() != classId || p.subjectId() != subjectId || p.term() != term
                || p.at().plus(LIFETIME).isBefore(clock.instant())) {
            throw Rejected.notFound("Không có bản xem trước “" + id + "” của bạn cho bảng điểm này (bản xem trước chỉ giữ "
                    + LIFETIME.toMinutes() + " phút và chỉ áp dụng được một lần). Hãy tải tệp lên lại.");
        }
        pending.remove(id);
        return p;
    }
}
