package vn.hocba.signing.registry;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditLog;
import vn.hocba.audit.AuditRecord;
import vn.hocba.common.Rejected;
import vn.hocba.pades.CertificateNames;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.security.Account;
import vn.hocba.security.Accounts;
import vn.hocba.signing.registry.RegisteredCertificate.Purpose;
import vn.hocba.signing.registry.RegisteredCertificate.Source;

/**
 * Who signs with which certificate. A person registers their own certificate, whose common name
 * must be their staff record's name; the school seal's certificate must be an organisation
 * certificate with the school's tax code ({@code hocba.own-keys.school-tax-code}) in its subject.
 * Registrations and removals are audited ({@code CERTIFICATE_REGISTERED}, {@code CERTIFICATE_REMOVED}).
 */
@Service
@Transactional
public class CertificateRegistry {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** Certificates a person may have registered at once. */
    static final int MAX_PER_PERSON = 10;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Accounts accounts;
    private final SchoolDirectory directory;
    private final Clock clock;
    private final String schoolTaxCode;

    CertificateRegistry(JdbcClient jdbc, AuditLog audit, Accounts accounts, SchoolDirectory directory, Clock clock,
            @Value("${hocba.own-keys.school-tax-code:}") String schoolTaxCode) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.accounts = accounts;
        this.directory = directory;
        this.clock = clock;
        this.schoolTaxCode = schoolTaxCode.trim();
    }

    /** Registers {@code chain} (signer first) for {@code username}; 400/409 naming what does not fit. */
    public RegisteredCertificate register(String username, List<X509Certificate> chain, Purpose purpose, Source source,
            Actor by) {
        X509Certificate certificate = chain.get(0);
        Instant now = clock.instant();
        String holder = "Chứng thư số «" + CertificateNames.commonName(certificate) + "»";
        if (!now.isBefore(certificate.getNotAfter().toInstant())) {
            throw Rejected.invalid(holder + " đã hết hạn ngày " + day(certificate.getNotAfter().toInstant())
                    + "; không đăng ký được.");
        }
        if (certificate.getBasicConstraints() >= 0) {
            throw Rejected.invalid(holder + " là chứng thư của tổ chức chứng thực (CA), không phải chứng thư ký.");
        }
        if (purpose == Purpose.SCHOOL_SEAL) {
            requireSchoolOrganisation(certificate, holder);
        } else {
            requirePersonsName(username, certificate, holder);
        }
        String fingerprint = CertificateChains.fingerprint(certificate);
        removal(fingerprint).ifPresent(removed -> {
            throw Rejected.conflict(holder + " (số sê-ri " + certificate.getSerialNumber().toString(16) + ") đã bị gỡ ngày "
                    + day(removed.at()) + " (tài khoản " + removed.by() + " gỡ); chứng thư đã gỡ không đăng ký lại để ký "
                    + "được. Hãy dùng chứng thư số khác (ví dụ chứng thư mới do tổ chức chứng thực cấp).");
        });
        for (RegisteredCertificate other : byFingerprint(fingerprint)) {
            if (other.username().equals(username)) {
                return other; // registered again: nothing changes
            }
            throw Rejected.conflict(holder + " đã được đăng ký cho tài khoản " + other.username()
                    + "; mỗi chứng thư số chỉ thuộc một người.");
        }
        // The issuer is checked only when signing, so a script could register certificates it makes itself, one
        // after another, without end (rows and audit entries); a person holds one or two (token, remote, renewal).
        int held = of(username).size();
        if (purpose == Purpose.PERSON && held >= MAX_PER_PERSON) {
            throw Rejected.conflict("Tài khoản " + username + " đã có " + held + " chứng thư số đang đăng ký (tối đa "
                    + MAX_PER_PERSON + "); hãy gỡ chứng thư số không dùng nữa ở trang «Chứng thư số của tôi» rồi đăng ký "
                    + holder.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + holder.substring(1) + ".");
        }
        jdbc.sql("""
                insert into signing_certificate (username, purpose, source, fingerprint, subject, issuer, serial,
                    not_before, not_after, chain_pem, registered_at, registered_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(username, purpose.name(), source.name(), fingerprint,
                        certificate.getSubjectX500Principal().getName(), certificate.getIssuerX500Principal().getName(),
                        certificate.getSerialNumber().toString(16), ts(certificate.getNotBefore().toInstant()),
                        ts(certificate.getNotAfter().toInstant()), CertificateChains.pem(chain), ts(now), by.username())
                .update();
        audit.append(new AuditRecord(by, "CERTIFICATE_REGISTERED", "certificate " + fingerprint, null,
                CertificateNames.subject(certificate) + ", số sê-ri " + certificate.getSerialNumber().toString(16),
                (purpose == Purpose.SCHOOL_SEAL ? "con dấu của trường" : "tài khoản " + username) + ", nguồn " + source,
                null));
        return byFingerprint(fingerprint).get(0);
    }

    /** The person's registered certificates, newest first. */
    @Transactional(readOnly = true)
    public List<RegisteredCertificate> of(String username) {
        return jdbc.sql("select * from signing_certificate where username = ? and removed_at is null order by id desc")
                .param(username).query(CertificateRegistry::row).list();
    }

    /** Removes one of {@code username}'s certificates (audited); later signatures with it are refused. */
    public void remove(String username, long id, Actor by) {
        RegisteredCertificate c = of(username).stream().filter(r -> r.id() == id).findFirst()
                .orElseThrow(() -> Rejected.notFound("Không có chứng thư số số " + id + " của tài khoản " + username + "."));
        jdbc.sql("update signing_certificate set removed_at = ?, removed_by = ? where id = ?")
                .params(ts(clock.instant()), by.username(), id).update();
        audit.append(new AuditRecord(by, "CERTIFICATE_REMOVED", "certificate " + c.fingerprint(),
                c.readableSubject() + ", số sê-ri " + c.serial(), null, "tài khoản " + username, null));
    }

    /**
     * The registration of {@code certificate} for {@code username}, valid at {@code now}; otherwise a
     * refusal (403) saying why, before anything is signed.
     */
    @Transactional(readOnly = true)
    public RegisteredCertificate requireRegistered(String username, X509Certificate certificate, Instant now) {
        String fingerprint = CertificateChains.fingerprint(certificate);
        String holder = "Chứng thư số «" + CertificateNames.commonName(certificate) + "»";
        RegisteredCertificate mine = of(username).stream().filter(r -> r.fingerprint().equals(fingerprint)).findFirst()
                .orElseThrow(() -> removal(fingerprint).filter(r -> r.username().equals(username))
                        .map(r -> Rejected.forbidden(holder + " (số sê-ri " + certificate.getSerialNumber().toString(16)
                                + ") đã bị gỡ khỏi tài khoản " + username + " ngày " + day(r.at()) + " (tài khoản " + r.by()
                                + " gỡ); không ký bằng chứng thư đã gỡ. Hãy dùng chứng thư số khác đã đăng ký."))
                        .orElseGet(() -> Rejected.forbidden(holder + " (số sê-ri " + certificate.getSerialNumber().toString(16)
                        + ") chưa được đăng ký cho tài khoản " + username + "; không ký. Hãy đăng ký chứng thư số của "
                        + "chính bạn ở trang «Chứng thư số của tôi» trước khi ký.")));
        if (!mine.validAt(now)) {
            throw Rejected.forbidden(holder + " đã hết hạn ngày " + day(mine.notAfter())
                    + " (hoặc chưa có hiệu lực); không ký. Hãy gia hạn và đăng ký chứng thư số mới.");
        }
        return mine;
    }

    /** Registered certificates that expire between now and {@code until}, for the expiry notices. */
    @Transactional(readOnly = true)
    public List<RegisteredCertificate> expiringBefore(Instant until) {
        return jdbc.sql("select * from signing_certificate where removed_at is null and not_after > ? and not_after <= ?")
                .params(ts(clock.instant()), ts(until)).query(CertificateRegistry::row).list();
    }

    private void requirePersonsName(String username, X509Certificate certificate, String holder) {
        Account account = accounts.byUsername(username)
                .orElseThrow(() -> Rejected.notFound("Không có tài khoản " + username + "."));
        if (account.staffId() == null) {
            throw Rejected.conflict("Tài khoản " + username + " chưa gắn với hồ sơ cán bộ nào; không đăng ký được "
                    + "chứng thư số ký (cần đối chiếu tên trên chứng thư với hồ sơ cán bộ).");
        }
        String name = directory.staffMember(account.staffId()).fullName();
        if (!CertificateNameRules.namesPerson(certificate, name)) {
            throw Rejected.invalid(holder + " mang tên «" + CertificateNames.commonName(certificate)
                    + "», không phải tên trong hồ sơ cán bộ của tài khoản " + username + " («" + name
                    + "»); không đăng ký được chứng thư số của người khác.");
        }
    }

    private void requireSchoolOrganisation(X509Certificate certificate, String holder) {
        if (schoolTaxCode.isEmpty()) {
            throw Rejected.conflict("Chưa cấu hình mã số thuế của trường (hocba.own-keys.school-tax-code); "
                    + "không kiểm tra được chứng thư số con dấu.");
        }
        String taxCode = CertificateNameRules.taxCode(certificate);
        if (taxCode == null) {
            throw Rejected.invalid(holder + " không phải chứng thư số của tổ chức (không có «MST:» trong chủ thể); "
                    + "con dấu của trường cần chứng thư số tổ chức.");
        }
        if (!taxCode.equals(schoolTaxCode)) {
            throw Rejected.invalid(holder + " là của tổ chức có mã số thuế " + taxCode + ", không phải của trường ("
                    + schoolTaxCode + ").");
        }
    }

    /** Who removed a certificate and when (the latest removal), if it was ever removed and not registered again. */
    private record Removal(String username, Instant at, String by) {
    }

    private java.util.Optional<Removal> removal(String fingerprint) {
        return jdbc.sql("select username, removed_at, removed_by from signing_certificate where fingerprint = ? "
                + "and removed_at is not null order by removed_at desc")
                .param(fingerprint).query((rs, n) -> new Removal(rs.getString("username"), instant(rs, "removed_at"),
                        rs.getString("removed_by"))).list().stream().findFirst();
    }

    private List<RegisteredCertificate> byFingerprint(String fingerprint) {
        return jdbc.sql("select * from signing_certificate where fingerprint = ? and removed_at is null order by id desc")
                .param(fingerprint).query(CertificateRegistry::row).list();
    }

    private static RegisteredCertificate row(ResultSet rs, int n) throws SQLException {
        return new RegisteredCertificate(rs.getLong("id"), rs.getString("username"), Purpose.valueOf(rs.getString("purpose")),
                Source.valueOf(rs.getString("source")), rs.getString("fingerprint"), rs.getString("subject"),
                rs.getString("issuer"), rs.getString("serial"), instant(rs, "not_before"), instant(rs, "not_after"),
                instant(rs, "registered_at"), rs.getString("registered_by"),
                CertificateChains.read(rs.getString("chain_pem").getBytes(StandardCharsets.US_ASCII)));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private static String day(Instant instant) {
        return DAY.format(instant.atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
    }
}
