package vn.hocba.signing.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import vn.hocba.common.Rejected;
import vn.hocba.signing.registry.CertificateRegistry;
import vn.hocba.signing.registry.RegisteredCertificate;

/**
 * A session that ends at once (the person has no signing task in that class) must not stay in memory for ever:
 * anyone with a registered certificate could otherwise repeat the request until the server's heap is full.
 */
class DeviceSessionsTest {

    @Test
    void aPersonsFinishedSessionsGoWhenTheyStartTheNextOneAndOnlyTheLatestOutcomeIsKept() throws Exception {
        X509Certificate certificate = certificate();
        CertificateRegistry registry = mock(CertificateRegistry.class);
        when(registry.requireRegistered(eq("gv04"), any(), any())).thenReturn(registered("gv04", certificate));
        when(registry.requireRegistered(eq("gv01"), any(), any())).thenReturn(registered("gv01", certificate));
        DeviceSessions sessions = new DeviceSessions(registry, Clock.systemUTC(), Duration.ofMinutes(10));
        try {
            DeviceSession other = ended(sessions, "gv01", certificate);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                ids.add(ended(sessions, "gv04", certificate).id());
            }
            String latest = ids.get(ids.size() - 1);
            assertThat(sessions.of("gv04", latest).view().message()).contains("không chờ bước này");
            for (String gone : ids.subList(0, ids.size() - 1)) {
                assertThatThrownBy(() -> sessions.of("gv04", gone)).isInstanceOf(Rejected.class)
                        .hasMessageContaining("Không có lượt ký " + gone);
            }
            assertThat(sessions.of("gv01", other.id()).view().state()).as("another person's outcome stays")
                    .isEqualTo(DeviceSession.State.FAILED);
        } finally {
            sessions.stop();
        }
    }

    @Test
    void batchesLeftWaitingForTheirDevicesDoNotHoldUpAnotherPersonsBatch() throws Exception {
        X509Certificate certificate = certificate();
        CertificateRegistry registry = mock(CertificateRegistry.class);
        when(registry.requireRegistered(any(), any(), any()))
                .thenAnswer(call -> registered(call.getArgument(0), certificate));
        DeviceSessions sessions = new DeviceSessions(registry, Clock.systemUTC(), Duration.ofMinutes(10));
        List<DeviceSession> waiting = new ArrayList<>();
        try {
            // Two people start signing and never answer on their token (a prompt left open, or on purpose): each
            // step waits up to ten minutes for its device.
            for (String user : List.of("gv01", "gv02")) {
                DeviceSession session = sessions.run(user, "AGENT", "học bạ", "6A1", certificate, () -> {
                    DeviceSessions.bound().orElseThrow().signAll(List.of(new byte[32]));
                    throw new IllegalStateException("never delivered");
                });
                waiting.add(session);
                assertThat(session.awaitChange(DeviceSession.State.PREPARING, Duration.ofSeconds(10)))
                        .isEqualTo(DeviceSession.State.AWAITING_DEVICE);
            }
            DeviceSession third = ended(sessions, "gv03", certificate);
            assertThat(third.view().message()).contains("không chờ bước này");
        } finally {
            waiting.forEach(s -> s.refuse("Bạn đã hủy lượt ký. Không văn bản nào được ký."));
            sessions.stop();
        }
    }

    private static DeviceSession ended(DeviceSessions sessions, String user, X509Certificate certificate)
            throws InterruptedException {
        DeviceSession session = sessions.run(user, "AGENT", "bảng kết quả môn học", "6A1", certificate, () -> {
            throw Rejected.conflict("Văn bản cả năm của lớp 6A1 không chờ bước này của bạn.");
        });
        session.awaitChange(DeviceSession.State.PREPARING, Duration.ofSeconds(10));
        assertThat(session.view().state()).isEqualTo(DeviceSession.State.FAILED);
        return session;
    }

    private static RegisteredCertificate registered(String user, X509Certificate certificate) {
        return new RegisteredCertificate(1, user, RegisteredCertificate.Purpose.PERSON, RegisteredCertificate.Source.UPLOAD,
                "ab", "CN=x", "CN=x", "1", Instant.EPOCH, Instant.now().plusSeconds(3600), Instant.EPOCH, user,
                List.of(certificate));
    }

    private static X509Certificate certificate() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=Trần Quốc Bảo");
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                Date.from(Instant.now().minusSeconds(60)), Date.from(Instant.now().plusSeconds(3600)), name,
                keys.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }
}
