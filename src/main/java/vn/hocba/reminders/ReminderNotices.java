package vn.hocba.reminders;

import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.hocba.notifications.MailOutbox;
import vn.hocba.notifications.Notifications;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.security.Account;

/**
 * A reminder to a person: in their in-app inbox once per dedupe key, and, when an SMTP server is
 * configured and their staff record has an e-mail address, the same text by e-mail (queued in the
 * same transaction, sent and retried apart from the notice).
 */
@Component
public class ReminderNotices {

    private final Notifications notifications;
    private final MailOutbox mail;
    private final SchoolDirectory directory;

    ReminderNotices(Notifications notifications, MailOutbox mail, SchoolDirectory directory) {
        this.notifications = notifications;
        this.mail = mail;
        this.directory = directory;
    }

    /** Sends the reminder unless {@code dedupeKey} was already sent to the account; true when new. */
    public boolean send(Account to, String kind, String subject, String message, String dedupeKey) {
        if (!notifications.notifyOnce(to.username(), kind, message, dedupeKey)) {
            return false;
        }
        addressOf(to).ifPresent(address -> mail.enqueue(to.username(), address, "[HocBa] " + subject, message));
        return true;
    }

    private Optional<String> addressOf(Account account) {
        if (!mail.configured() || account.staffId() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(directory.staffMember(account.staffId()).email()).filter(e -> !e.isBlank());
    }
}
