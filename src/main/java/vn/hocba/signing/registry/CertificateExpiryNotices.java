package vn.hocba.signing.registry;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.hocba.notifications.MailOutbox;
import vn.hocba.notifications.Notifications;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.security.Account;
import vn.hocba.security.Accounts;
import vn.hocba.security.Role;

/**
 * Warns each person 30 days before their registered certificate expires (the school seal's: the
 * principal), once per certificate, in the app and by e-mail when mail is configured. Runs every
 * morning ({@code hocba.own-keys.expiry-check}, a cron expression).
 */
@Component
public class CertificateExpiryNotices {

    static final Duration WARNING = Duration.ofDays(30);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final CertificateRegistry registry;
    private final Notifications notifications;
    private final MailOutbox mail;
    private final Accounts accounts;
    private final SchoolDirectory directory;
    private final Clock clock;

    CertificateExpiryNotices(CertificateRegistry registry, Notifications notifications, MailOutbox mail,
            Accounts accounts, SchoolDirectory directory, Clock clock) {
        this.registry = registry;
        this.notifications = notifications;
        this.mail = mail;
        this.accounts = accounts;
        this.directory = directory;
        this.clock = clock;
    }

    /** Sends the notices due now; returns how many were new. */
    @Scheduled(cron = "${hocba.own-keys.expiry-check:0 30 7 * * *}")
    public int warn() {
        int sent = 0;
        for (RegisteredCertificate c : registry.expiringBefore(clock.instant().plus(WARNING))) {
            String message = "Chứng thư số «" + CertificateNameRules.commonName(c.chain().get(0)) + "» (số sê-ri "
                    + c.serial() + (RegisteredCertificate.SCHOOL_SEAL.equals(c.username()) ? ", con dấu của trường" : "")
                    + ") hết hạn ngày " + DAY.format(c.notAfter().atZone(ZoneId.of("Asia/Ho_Chi_Minh")))
                    + ". Hãy gia hạn và đăng ký chứng thư số mới trước ngày đó; sau ngày đó HocBa từ chối ký bằng chứng thư này.";
            for (String recipient : recipients(c)) {
                if (notifications.notifyOnce(recipient, "CERTIFICATE_EXPIRING", message,
                        "certificate-expiry:" + c.fingerprint())) {
                    sent++;
                    email(recipient, message);
                }
            }
        }
        return sent;
    }

    private List<String> recipients(RegisteredCertificate c) {
        return RegisteredCertificate.SCHOOL_SEAL.equals(c.username())
                ? accounts.withRole(Role.PRINCIPAL).stream().map(Account::username).toList() : List.of(c.username());
    }

    private void email(String recipient, String message) {
        if (!mail.configured()) {
            return;
        }
        accounts.byUsername(recipient).filter(a -> a.staffId() != null)
                .map(a -> directory.staffMember(a.staffId()).email()).filter(e -> e != null && !e.isBlank())
                .ifPresent(address -> mail.enqueue(recipient, address, "Chứng thư số sắp hết hạn", message));
    }
}
