package vn.hocba.gradebook.excel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.hocba.common.Rejected;
import vn.hocba.gradebook.CellChange;
/**
 * Previews waiting for confirmation, kept 30 minutes in the database (table upload_preview): the
 * cells to write with the versions seen when previewing, so a cell changed meanwhile refuses the
 * apply (409) instead of being overwritten. Stored rows survive a restart and are shared by every
 * node using the same database; writes join the caller's transaction.
 */
@Component
class PendingUploads {

    static final Duration LIFETIME = Duration.ofMinutes(30);
    private static final int MAX_PENDING = 2_000;
    private static final TypeReference<List<CellChange>> CHANGES = new TypeReference<>() { };
    private static final TypeReference<List<String>> REFUSALS = new TypeReference<>() { };

    record Pending(String id, String username, long classId, long subjectId, int term, String sha256, boolean applicable,
            List<String> refusals, boolean locked, List<CellChange> changes, Instant at) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    PendingUploads(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Keeps {@code upload} (its {@code at} is replaced by now); forgets expired previews first. */
    void put(Pending upload) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.sql("delete from upload_preview where expires_at < ?").param(now).update();
        if (jdbc.sql("select count(*) from upload_preview").query(Long.class).single() >= MAX_PENDING) {
            throw new Rejected(Rejected.Reason.CONFLICT, "Máy chủ đang giữ quá nhiều bản xem trước chưa xác nhận; hãy thử lại sau ít phút.");
        }
        jdbc.sql("insert into upload_preview (id, username, class_id, subject_id, term, sha256, applicable, locked, refusals, "
                + "changes, created_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(upload.id(), upload.username(), upload.classId(), upload.subjectId(), upload.term(), upload.sha256(),
                        upload.applicable(), upload.locked(), write(upload.refusals()), write(upload.changes()), now,
                        now.plus(LIFETIME))
                .update();
    }

    /** Removes and returns the preview {@code id} of {@code username} for this sheet: once only, even from two nodes at once. */
    Pending take(String id, String username, long classId, long subjectId, int term) {
        Optional<Pending> p = jdbc.sql("select * from upload_preview where id = ? and username = ? and class_id = ? "
                + "and subject_id = ? and term = ? and expires_at >= ?")
                .params(id, username, classId, subjectId, term, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .query(this::row).optional();
        if (p.isEmpty() || jdbc.sql("delete from upload_preview where id = ?").param(id).update() == 0) {
            throw Rejected.notFound("Không có bản xem trước “" + id + "” của bạn cho bảng điểm này (bản xem trước chỉ giữ "
                    + LIFETIME.toMinutes() + " phút và chỉ áp dụng được một lần). Hãy tải tệp lên lại.");
        }
        return p.get();
    }

    private Pending row(ResultSet rs, int n) throws SQLException {
        try {
            return new Pending(rs.getString("id"), rs.getString("username"), rs.getLong("class_id"), rs.getLong("subject_id"),
                    rs.getInt("term"), rs.getString("sha256"), rs.getBoolean("applicable"),
                    json.readValue(rs.getString("refusals"), REFUSALS), rs.getBoolean("locked"),
                    json.readValue(rs.getString("changes"), CHANGES),
                    rs.getObject("created_at", OffsetDateTime.class).toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Upload preview " + rs.getString("id") + " is not readable", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Upload preview cannot be written", e);
        }
    }
}
