package vn.hocba.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores and lists in-app notifications. */
@Service
@Transactional
public class Notifications {

    private final JdbcClient jdbc;
    private final Clock clock;

    public Notifications(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Notifies {@code recipient} unless a notification with the same {@code dedupeKey} was already sent; true when new. */
    public boolean notifyOnce(String recipient, String kind, String message, String dedupeKey) {
        boolean sent = jdbc.sql("select count(*) from notification where recipient = ? and dedupe_key = ?")
                .params(recipient, dedupeKey).query(Long.class).single() > 0;
        if (sent) {
            return false;
        }
        jdbc.sql("insert into notification (recipient, kind, message, created_at, dedupe_key) values (?, ?, ?, ?, ?)")
                .params(recipient, kind, message, Timestamp.from(clock.instant()), dedupeKey).update();
        return true;
    }

    @Transactional(readOnly = true)
    public List<Notification> of(String recipient) {
        return jdbc.sql("select * from notification where recipient = ? order by id desc limit 200").param(recipient)
                .query((rs, n) -> new Notification(rs.getLong("id"), rs.getString("recipient"), rs.getString("kind"),
                        rs.getString("message"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("read_at", OffsetDateTime.class) == null ? null
                                : rs.getObject("read_at", OffsetDateTime.class).toInstant())).list();
    }

    public void markRead(String recipient, long id) {
        jdbc.sql("update notification set read_at = ? where id = ? and recipient = ?")
                .params(Timestamp.from(clock.instant()), id, recipient).update();
    }
}
