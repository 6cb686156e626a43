package vn.hocba.reminders;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditLog;
import vn.hocba.audit.AuditRecord;
import vn.hocba.common.Rejected;
import vn.hocba.security.Account;
import vn.hocba.security.Accounts;

/**
 * A reminder a leader sends by hand from the dashboard ("Nhắc"): an in-app notice to the teacher, at most
 * once a day for the same class, subject and term, by e-mail as well when an SMTP server is configured and the
 * teacher's staff record has an address ({@link ReminderNotices}), and an audit entry naming who sent it.
 */
@Service
public class ManualReminders {

    private final ReminderNotices notices;
    private final Accounts accounts;
    private final AuditLog audit;

    ManualReminders(ReminderNotices notices, Accounts accounts, AuditLog audit) {
        this.notices = notices;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** Sends {@code message} to {@code username} (staff {@code staffCode}) unless already sent under {@code dedupeKey}; true when sent. */
    @Transactional
    public boolean remind(String username, String staffCode, String message, String dedupeKey, Actor by) {
        Account to = accounts.byUsername(username).orElseThrow(() -> Rejected.notFound("Không có tài khoản " + username + "."));
        boolean sent = notices.send(to, "ENTRY_REMINDER_MANUAL", "Nhắc nhập điểm", message, dedupeKey);
        if (sent) {
            audit.append(new AuditRecord(by, "ENTRY_REMINDER_SENT", "staff " + staffCode, null, message, null, null));
        }
        return sent;
    }
}
