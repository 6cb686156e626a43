package vn.hocba.signing.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.hocba.audit.Actor;
import vn.hocba.common.Rejected;
import vn.hocba.notifications.Notifications;
import vn.hocba.pades.devpki.DevelopmentPki;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.security.Accounts;
import vn.hocba.support.TemporaryDataDirectory;

/** Item 4 on the embedded database: a certificate near its end is warned about once; an expired one is refused. */
@SpringBootTest
class CertificateRegistryTest {

    private static Path dataDir;

    @DynamicPropertySource
    static void data(DynamicPropertyRegistry registry) throws Exception {
        dataDir = TemporaryDataDirectory.register(registry, "hocba-certificate-registry");
    }

    @AfterAll
    static void removeFiles() throws Exception {
        TemporaryDataDirectory.delete(dataDir);
    }

    @Autowired
    CertificateRegistry registry;
    @Autowired
    CertificateExpiryNotices notices;
    @Autowired
    Notifications notifications;
    @Autowired
    DevelopmentPki pki;
    @Autowired
    Accounts accounts;
    @Autowired
    SchoolDirectory directory;

    @Test
    void aCertificateExpiringWithinThirtyDaysIsWarnedAboutOnceAndAnExpiredOneCannotSign() {
        String name = directory.staffMember(accounts.byUsername("gv03").orElseThrow().staffId()).fullName();
        Instant now = Instant.now();
        var soon = pki.issueUnusual(name, now.minus(Duration.ofDays(300)), now.plus(Duration.ofDays(12)),
                KeyUsage.digitalSignature | KeyUsage.nonRepudiation).certificate();
        Actor by = new Actor("gv03", "SUBJECT_TEACHER", "test");
        RegisteredCertificate registered = registry.register("gv03", List.of(soon), RegisteredCertificate.Purpose.PERSON,
                RegisteredCertificate.Source.UPLOAD, by);
        assertThat(registered.serial()).isEqualTo(soon.getSerialNumber().toString(16));

        assertThat(notices.warn()).isEqualTo(1);
        assertThat(notices.warn()).isZero();
        assertThat(notifications.of("gv03")).extracting(n -> n.message())
                .anyMatch(m -> m.contains("Chứng thư số «" + name + "»") && m.contains("hết hạn ngày"));

        assertThat(registry.requireRegistered("gv03", soon, now).id()).isEqualTo(registered.id());
        assertThatThrownBy(() -> registry.requireRegistered("gv03", soon, now.plus(Duration.ofDays(13))))
                .isInstanceOf(Rejected.class).hasMessageContaining("đã hết hạn ngày");
        assertThatThrownBy(() -> registry.requireRegistered("gv04", soon, now))
                .isInstanceOf(Rejected.class).hasMessageContaining("chưa được đăng ký cho tài khoản gv04");
        registry.remove("gv03", registered.id(), by);
        assertThatThrownBy(() -> registry.requireRegistered("gv03", soon, now)).isInstanceOf(Rejected.class)
                .hasMessageContaining("đã bị gỡ khỏi tài khoản gv03 ngày").hasMessageContaining("không ký bằng chứng thư đã gỡ");
        // removed means removed: neither the person (the signing page registers on first use) nor anyone else brings it back
        assertThatThrownBy(() -> registry.register("gv03", List.of(soon), RegisteredCertificate.Purpose.PERSON,
                RegisteredCertificate.Source.AGENT, by)).isInstanceOf(Rejected.class)
                .hasMessageContaining("đã bị gỡ ngày").hasMessageContaining("không đăng ký lại để ký được");
        assertThat(registry.of("gv03")).isEmpty();
    }

    @Test
    void aPersonHoldsAtMostTenRegisteredCertificatesAtOnce() {
        String name = directory.staffMember(accounts.byUsername("gv06").orElseThrow().staffId()).fullName();
        Actor by = new Actor("gv06", "SUBJECT_TEACHER", "test");
        Instant now = Instant.now();
        List<RegisteredCertificate> held = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            held.add(registry.register("gv06", List.of(made(name, now)), RegisteredCertificate.Purpose.PERSON,
                    RegisteredCertificate.Source.UPLOAD, by));
        }
        var eleventh = made(name, now);
        assertThatThrownBy(() -> registry.register("gv06", List.of(eleventh), RegisteredCertificate.Purpose.PERSON,
                RegisteredCertificate.Source.UPLOAD, by)).isInstanceOf(Rejected.class)
                .hasMessageContaining("Tài khoản gv06 đã có 10 chứng thư số đang đăng ký (tối đa 10)")
                .hasMessageContaining("hãy gỡ chứng thư số không dùng nữa");
        assertThat(registry.of("gv06")).hasSize(10);
        registry.remove("gv06", held.get(0).id(), by);
        assertThat(registry.register("gv06", List.of(eleventh), RegisteredCertificate.Purpose.PERSON,
                RegisteredCertificate.Source.UPLOAD, by).serial()).isEqualTo(eleventh.getSerialNumber().toString(16));
    }

    private java.security.cert.X509Certificate made(String name, Instant now) {
        return pki.issueUnusual(name, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(300)),
                KeyUsage.digitalSignature | KeyUsage.nonRepudiation).certificate();
    }
}
