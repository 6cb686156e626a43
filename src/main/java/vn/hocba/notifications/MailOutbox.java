package vn.hocba.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * E-mails waiting to be sent ({@code mail_outbox}). A notice's e-mail is queued in the caller's
 * transaction (so it exists exactly when the in-app notice does) and only when an SMTP server is
 * configured ({@code spring.mail.host}); {@link MailDelivery} sends it afterwards.
 */
@Service
public class MailOutbox {

    /** A queued e-mail. */
    record Mail(long id, String address, String subject, String body, int attempts) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean configured;

    MailOutbox(JdbcClient jdbc, Clock clock, @Value("${spring.mail.host:}") String mailHost) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.configured = !mailHost.isBlank();
    }

    /** Whether e-mails are sent at all (an SMTP server is configured). */
    public boolean configured() {
        return configured;
    }

    /** Queues an e-mail to {@code address} for the account {@code recipient}; nothing when no SMTP server is configured. */
    public void enqueue(String recipient, String address, String subject, String body) {
        if (!configured) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into mail_outbox (recipient, address, subject, body, created_at, next_attempt_at)
                values (?, ?, ?, ?, ?, ?)""").params(recipient, address, subject, body, now, now).update();
    }

    List<Mail> due(Instant now, int maxAttempts, int limit) {
        return jdbc.sql("""
                select id, address, subject, body, attempts from mail_outbox
                where sent_at is null and attempts < ? and next_attempt_at <= ? order by id""")
                .params(maxAttempts, Timestamp.from(now))
                .query((rs, n) -> new Mail(rs.getLong("id"), rs.getString("address"), rs.getString("subject"),
                        rs.getString("body"), rs.getInt("attempts"))).list().stream().limit(limit).toList();
    }

    void sent(long id, Instant at) {
        jdbc.sql("update mail_outbox set sent_at = ?, attempts = attempts + 1, last_error = null where id = ?")
                .params(Timestamp.from(at), id).update();
    }

    void failed(long id, String error, Instant nextAttempt) {
        String shortError = error == null ? "unknown" : error.substring(0, Math.min(error.length(), 1000));
        jdbc.sql("update mail_outbox set attempts = attempts + 1, last_error = ?, next_attempt_at = ? where id = ?")
                .params(shortError, Timestamp.from(nextAttempt), id).update();
    }
}
