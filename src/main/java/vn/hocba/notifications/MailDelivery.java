package vn.hocba.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Sends the queued e-mails (UTF-8 subject and body: the notices are Vietnamese). A failure is
 * logged and the e-mail tried again later (1, 5, 15, 60 minutes, then hourly, 8 attempts in all);
 * the in-app notice was stored before and does not depend on it.
 */
@Service
public class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    static final int MAX_ATTEMPTS = 8;
    private static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofMinutes(60));

    private final MailOutbox outbox;
    private final ObjectProvider<JavaMailSender> sender;
    private final Clock clock;
    private final String from;

    MailDelivery(MailOutbox outbox, ObjectProvider<JavaMailSender> sender, Clock clock,
            @Value("${hocba.mail.from:HocBa <no-reply@hocba.local>}") String from) {
        this.outbox = outbox;
        this.sender = sender;
        this.clock = clock;
        this.from = from;
    }

    @Scheduled(initialDelayString = "${hocba.mail.delivery-interval:PT1M}", fixedDelayString = "${hocba.mail.delivery-interval:PT1M}")
    void deliverNow() {
        deliverDue(clock.instant());
    }

    /** Sends every e-mail due at {@code now}; returns how many were sent. One at a time (synchronized): never sent twice. */
    public synchronized int deliverDue(Instant now) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null || !outbox.configured()) {
            return 0;
        }
        int sent = 0;
        for (MailOutbox.Mail m : outbox.due(now, MAX_ATTEMPTS, 100)) {
            try {
                mail.send(message(mail, m));
                outbox.sent(m.id(), clock.instant());
                sent++;
            } catch (MailException | MessagingException e) {
                int attempt = m.attempts() + 1;
                Duration wait = BACKOFF.get(Math.min(attempt, BACKOFF.size()) - 1);
                outbox.failed(m.id(), cause(e), now.plus(wait));
                if (attempt >= MAX_ATTEMPTS) {
                    log.error("E-mail {} to {} not sent after {} attempts, giving up: {}", m.id(), m.address(), attempt, cause(e));
                } else {
                    log.warn("E-mail {} to {} not sent (attempt {} of {}), retrying in {}: {}", m.id(), m.address(), attempt,
                            MAX_ATTEMPTS, wait, cause(e));
                }
            }
        }
        return sent;
    }

    /** The innermost cause, in one line (a refused connection, an unknown recipient). */
    private static String cause(Exception e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.toString();
    }

    private MimeMessage message(JavaMailSender mail, MailOutbox.Mail m) throws MessagingException {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(from);
        helper.setTo(m.address());
        helper.setSubject(m.subject());
        helper.setText(m.body(), false);
        return message;
    }
}
