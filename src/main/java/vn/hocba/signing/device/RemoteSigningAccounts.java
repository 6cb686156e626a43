package vn.hocba.signing.device;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditLog;
import vn.hocba.audit.AuditRecord;
import vn.hocba.common.Rejected;
import vn.hocba.signing.registry.CertificateChains;
import vn.hocba.signing.registry.CertificateRegistry;
import vn.hocba.signing.registry.RegisteredCertificate;

/**
 * Which remote signing service and which user id there each person signs with (no secret: the person
 * approves every batch in the provider's app), and the approval of a device session on the phone
 * ({@link PhoneApproval}, run in the background while the signing step waits).
 */
@Component
public class RemoteSigningAccounts {

    /** A person's remote signing account. */
    public record Account(String provider, String userId) {
    }

    private final JdbcClient jdbc;
    private final PhoneApprovalProviders providers;
    private final CertificateRegistry registry;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration pollEvery;
    private final ExecutorService pollers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "phone-approval");
        t.setDaemon(true);
        return t;
    });

    RemoteSigningAccounts(JdbcClient jdbc, PhoneApprovalProviders providers, CertificateRegistry registry, AuditLog audit,
            Clock clock, @Value("${hocba.own-keys.remote-poll-every:PT2S}") Duration pollEvery) {
        this.jdbc = jdbc;
        this.providers = providers;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
        this.pollEvery = pollEvery;
    }

    public Optional<Account> of(String username) {
        return jdbc.sql("select provider, provider_uid from remote_signing_account where username = ?").param(username)
                .query((rs, n) -> new Account(rs.getString(1), rs.getString(2))).optional();
    }

    /**
     * Sets {@code username}'s account at {@code provider}: reads the certificate the service holds for
     * {@code userId} and registers it (name checked against the staff record); audited.
     */
    @Transactional
    public RegisteredCertificate set(String username, String provider, String userId, Actor by) {
        PhoneApprovalProvider service = provider(provider);
        if (userId == null || userId.isBlank() || userId.length() > 200) {
            throw Rejected.invalid("Hãy nhập mã người dùng (tài khoản) của bạn ở dịch vụ " + service.displayName() + ".");
        }
        String id = userId.strip();
        if (id.equals(".") || id.equals("..") || id.chars().anyMatch(c -> c == '/' || c == '\\' || Character.isISOControl(c))) {
            throw Rejected.invalid("Mã người dùng «" + id.replaceAll("\\p{Cntrl}", "?") + "» không hợp lệ ở dịch vụ "
                    + service.displayName() + ": mã không chứa dấu / hay \\ và không phải «.» hoặc «..».");
        }
        List<X509Certificate> chain;
        try {
            chain = service.certificateChain(userId.strip());
        } catch (RuntimeException e) {
            throw Rejected.invalid("Dịch vụ " + service.displayName() + " không trả chứng thư số cho tài khoản «"
                    + userId.strip() + "»: " + e.getMessage());
        }
        String fingerprint = CertificateChains.fingerprint(chain.get(0));
        RegisteredCertificate registered = registry.of(username).stream().filter(c -> c.fingerprint().equals(fingerprint))
                .findFirst().orElseGet(() -> registry.register(username, chain, RegisteredCertificate.Purpose.PERSON,
                        RegisteredCertificate.Source.REMOTE, by));
        Optional<Account> before = of(username);
        jdbc.sql("delete from remote_signing_account where username = ?").param(username).update();
        jdbc.sql("insert into remote_signing_account (username, provider, provider_uid, updated_at, updated_by) "
                + "values (?, ?, ?, ?, ?)").params(username, provider, userId.strip(),
                java.sql.Timestamp.from(clock.instant()), by.username()).update();
        audit.append(new AuditRecord(by, "REMOTE_SIGNING_ACCOUNT_SET", "account " + username,
                before.map(a -> a.provider() + ":" + a.userId()).orElse(null), provider + ":" + userId.strip(),
                "ký từ xa, chứng thư số " + registered.readableSubject(), null));
        return registered;
    }

    /** The certificate {@code username} signs with remotely (as the service holds it now). */
    public X509Certificate certificate(String username) {
        Account account = of(username).orElseThrow(() -> Rejected.invalid("Bạn chưa khai báo tài khoản ký từ xa; "
                + "hãy khai báo dịch vụ và mã người dùng ở trang «Chứng thư số» trước."));
        PhoneApprovalProvider service = provider(account.provider());
        X509Certificate held = service.certificateChain(account.userId()).get(0);
        String fingerprint = CertificateChains.fingerprint(held);
        if (registry.of(username).stream().noneMatch(c -> c.fingerprint().equals(fingerprint))) {
            throw Rejected.forbidden("Dịch vụ " + service.displayName() + " hiện giữ cho tài khoản «" + account.userId()
                    + "» chứng thư số «" + vn.hocba.pades.CertificateNames.commonName(held) + "» (số sê-ri "
                    + held.getSerialNumber().toString(16) + "), không phải chứng thư số đã đăng ký của bạn (chứng thư "
                    + "được gia hạn hoặc đã bị gỡ?). Không văn bản nào được ký; hãy khai báo lại tài khoản ký từ xa ở "
                    + "trang «Chứng thư số của tôi».");
        }
        return held;
    }

    /** Carries {@code session} to the person's phone: submit when prepared, count down, poll, deliver or refuse. */
    public void approveOnPhone(DeviceSession session) {
        Account account = of(session.username()).orElseThrow();
        pollers.submit(new PhoneApproval(session, provider(account.provider()), account.userId(), pollEvery));
    }

    public List<PhoneApprovalProvider> providers() {
        return providers.all();
    }

    private PhoneApprovalProvider provider(String name) {
        return providers.named(name).orElseThrow(() -> Rejected.invalid("Dịch vụ ký từ xa «" + name
                + "» chưa được cấu hình ở máy chủ này (hocba.own-keys.remote-providers)."));
    }

    @PreDestroy
    void stop() {
        pollers.shutdownNow();
    }
}
