package vn.hocba.reminders;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditLog;
import vn.hocba.audit.AuditRecord;
import vn.hocba.notifications.Notifications;

/**
 * A reminder a leader sends by hand from the dashboard ("Nhắc"): an in-app notice to the teacher, at most
 * once a day for the same class, subject and term, and an audit entry naming who sent it.
 */
@Service
public class ManualReminders {

    private final Notifications notifications;
    private final AuditLog audit;

    ManualReminders(Notifications notifications, AuditLog audit) {
        this.notifications = notifications;
        this.audit = audit;
    }

    /** Sends {@code message} to {@code username} (staff {@code staffCode}) unless already sent under {@code dedupeKey}; true when sent. */
    @Transactional
    public boolean remind(String username, String staffCode, String message, String dedupeKey, Actor by) {
        boolean sent = notifications.notifyOnce(username, "ENTRY_REMINDER_MANUAL", message, dedupeKey);
        if (sent) {
            audit.append(new AuditRecord(by, "ENTRY_REMINDER_SENT", "staff " + staffCode, null, message, null, null));
        }
        return sent;
    }
}
