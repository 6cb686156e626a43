package vn.hocba.pades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hocba.pades.CredentialRefusedException.Reason;
import vn.hocba.pades.devpki.DevelopmentPki;

class RefusedCredentialsTest {

    private static final Duration YEAR = Duration.ofDays(365);
    private static final int SIGNING = KeyUsage.digitalSignature | KeyUsage.nonRepudiation;

    @TempDir
    static Path pkiDir;

    @TempDir
    static Path otherPkiDir;

    static DevelopmentPki pki;
    static PadesSigner signer;
    static byte[] transcript;

    @BeforeAll
    static void setUp() {
        pki = DevelopmentPki.createFresh(pkiDir);
        signer = new PadesSigner(pki.timeStampAuthority(), pki.credentialCheck());
        transcript = TestDocuments.transcript();
    }

    private static void assertRefused(SigningCredential credential, Reason reason, String... messageParts) {
        SignatureRequest request = SignatureRequest.inBox(SignerRole.HOMEROOM_TEACHER, Instant.now());
        assertThatThrownBy(() -> signer.sign(transcript, request, credential))
                .isInstanceOfSatisfying(CredentialRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).contains(messageParts);
                });
    }

    @Test
    void anExpiredCertificateIsRefusedNamingItsHolderAndExpiryDay() {
        Instant expiry = Instant.parse("2025-01-01T05:00:00Z");
        SigningCredential expired = pki.issueUnusual("Nguyễn Văn A", expiry.minus(YEAR), expiry, SIGNING);

        assertRefused(expired, Reason.EXPIRED, "Chứng thư số của Nguyễn Văn A đã hết hạn ngày 01/01/2025", "không thể ký");
    }

    @Test
    void aCertificateNotYetValidIsRefused() {
        Instant start = Instant.now().plus(YEAR);
        SigningCredential early = pki.issueUnusual("Nguyễn Văn B", start, start.plus(YEAR), SIGNING);

        assertRefused(early, Reason.NOT_YET_VALID, "Nguyễn Văn B", "chỉ có hiệu lực từ ngày");
    }

    @Test
    void anEncryptionOnlyCertificateIsRefused() {
        SigningCredential encryption = pki.issueUnusual("Nguyễn Văn C", Instant.now().minus(YEAR),
                Instant.now().plus(YEAR), KeyUsage.keyEncipherment);

        assertRefused(encryption, Reason.WRONG_KEY_USAGE, "Nguyễn Văn C", "không dùng để ký số");
    }

    @Test
    void aRevokedCertificateIsRefused() {
        SigningCredential revoked = pki.issue("Nguyễn Văn D", "Giáo viên chủ nhiệm", null);
        pki.revoke(revoked.certificate());

        assertRefused(revoked, Reason.REVOKED, "Nguyễn Văn D", "đã bị thu hồi");
    }

    @Test
    void aCertificateFromAnUntrustedAuthorityIsRefused() {
        SigningCredential stranger = DevelopmentPki.createFresh(otherPkiDir).issue("Nguyễn Văn E", "Giáo viên", null);

        assertRefused(stranger, Reason.UNTRUSTED, "Nguyễn Văn E", "không thuộc tổ chức chứng thực");
    }

    @Test
    void aValidCertificateSigns() {
        SigningCredential valid = pki.issue("Nguyễn Văn F", "Giáo viên chủ nhiệm", null);

        byte[] signed = signer.sign(transcript, SignatureRequest.inBox(SignerRole.HOMEROOM_TEACHER, Instant.now()), valid);

        assertThat(signed.length).isGreaterThan(transcript.length + 2 * PadesSigner.MINIMUM_SIGNATURE_SIZE); // its hex
    }
}
