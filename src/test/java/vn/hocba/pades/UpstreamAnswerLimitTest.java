package vn.hocba.pades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import java.math.BigInteger;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hocba.support.FloodingServer;

/**
 * A broken or compromised CA service (remote signing, time-stamping, OCSP, CRL) cannot make the server hold
 * its answer whatever the size: an answer declaring 2 GB is refused before its body is read, one streaming
 * without end is cut off at the client's limit; the signer gets a message naming the service and the limit,
 * and nothing is signed.
 */
class UpstreamAnswerLimitTest {

    /** Loopback socket buffers hold a few megabytes more than the client read before hanging up. */
    private static final long BUFFERED = 32L * 1024 * 1024;

    static FloodingServer ca;

    @BeforeAll
    static void start() {
        ca = FloodingServer.start();
    }

    @AfterAll
    static void stop() {
        ca.close();
    }

    @Test
    void aRemoteSigningServiceDeclaringTwoGigabytesIsRefusedBeforeItsBodyIsRead() throws Exception {
        CscClient client = new CscClient(ca.url("/declared/csc/v2"), "token".toCharArray(), Duration.ofSeconds(5), null);

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(client::credentialIds)
                .isInstanceOf(SigningException.class)
                .hasMessage("Dịch vụ ký từ xa " + ca.url("/declared/csc/v2/") + " (credentials/list): dịch vụ gửi câu "
                        + "trả lời dài 2048 MB, vượt quá giới hạn 8 MB. Văn bản chưa được ký."));
        assertThat(ca.lastAnswer(Duration.ofSeconds(10))).isLessThan(BUFFERED);
    }

    @Test
    void aRemoteSigningServiceStreamingWithoutEndIsCutOffAtEightMegabytes() throws Exception {
        CscClient client = new CscClient(ca.url("/endless/csc/v2"), "token".toCharArray(), Duration.ofSeconds(5), null);

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(client::credentialIds)
                .isInstanceOf(SigningException.class)
                .hasMessage("Dịch vụ ký từ xa " + ca.url("/endless/csc/v2/") + " (credentials/list): dịch vụ gửi câu "
                        + "trả lời vượt quá giới hạn 8 MB. Văn bản chưa được ký."));
        assertThat(ca.lastAnswer(Duration.ofSeconds(10))).isLessThan(8L * 1024 * 1024 + BUFFERED);
    }

    @Test
    void aTimeStampingServiceDeclaringTwoGigabytesIsRefusedBeforeItsBodyIsRead() throws Exception {
        HttpTimeStampSource tsa = new HttpTimeStampSource(ca.url("/declared/tsa"), Duration.ofSeconds(5));

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() -> tsa.timeStamp(new byte[32]))
                .isInstanceOf(SigningException.class)
                .hasMessageStartingWith("Không nhận được dấu thời gian từ " + ca.url("/declared/tsa")
                        + ": dịch vụ gửi câu trả lời dài 2048 MB, vượt quá giới hạn 1 MB. Văn bản chưa được ký"));
        assertThat(ca.lastAnswer(Duration.ofSeconds(10))).isLessThan(BUFFERED);
    }

    @Test
    void aTimeStampingServiceStreamingWithoutEndIsCutOffAtOneMegabyte() throws Exception {
        HttpTimeStampSource tsa = new HttpTimeStampSource(ca.url("/endless/tsa"), Duration.ofSeconds(5));

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() -> tsa.timeStamp(new byte[32]))
                .isInstanceOf(SigningException.class)
                .hasMessageStartingWith("Không nhận được dấu thời gian từ " + ca.url("/endless/tsa")
                        + ": dịch vụ gửi câu trả lời vượt quá giới hạn 1 MB. Văn bản chưa được ký"));
        assertThat(ca.lastAnswer(Duration.ofSeconds(10))).isLessThan(1024L * 1024 + BUFFERED);
    }

    @Test
    void aRemoteSigningServiceTricklingItsAnswerIsCutOffWhenItsTimeIsOver() throws Exception {
        CscClient client = new CscClient(ca.url("/trickle/csc/v2"), "token".toCharArray(), Duration.ofSeconds(1), null);

        long started = System.nanoTime();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(client::credentialIds)
                .isInstanceOf(SigningException.class)
                .hasMessage("Dịch vụ ký từ xa " + ca.url("/trickle/csc/v2/") + " (credentials/list): dịch vụ không trả lời "
                        + "trong 1 giây. Văn bản chưa được ký."));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("headers at once, then two seconds for the body")
                .isLessThan(Duration.ofSeconds(10));
        assertThat(ca.lastAnswer(Duration.ofSeconds(10))).as("the service noticed the hang-up").isLessThan(100);
    }

    @Test
    void aTimeStampingServiceTricklingItsAnswerIsCutOffWhenItsTimeIsOver() throws Exception {
        HttpTimeStampSource tsa = new HttpTimeStampSource(ca.url("/trickle/tsa"), Duration.ofSeconds(1));

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() -> tsa.timeStamp(new byte[32]))
                .isInstanceOf(SigningException.class)
                .hasMessageStartingWith("Không nhận được dấu thời gian từ " + ca.url("/trickle/tsa")
                        + ": dịch vụ không trả lời trong 1 giây. Văn bản chưa được ký"));
        assertThat(ca.lastAnswer(Duration.ofSeconds(10))).isLessThan(100);
    }

    @Test
    void anOcspResponderAndACrlStreamingWithoutEndGiveNoRevocationDataInsteadOfFillingTheMemory() throws Exception {
        OnlineRevocationSource revocation = new OnlineRevocationSource(Duration.ofSeconds(5));
        X509Certificate[] chain = certificatePointingAt(ca.url("/endless/ocsp"), ca.url("/endless/ca.crl"));

        RevocationSource.RevocationData data = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> revocation.revocationData(chain[0], chain[1]));

        assertThat(data.crls()).isEmpty();
        assertThat(data.ocspResponses()).isEmpty();
        // the CRL was asked for last: cut off at its limit (64 MB), not read to the 2 GB the server had
        assertThat(ca.lastAnswer(Duration.ofSeconds(10))).isLessThan(64L * 1024 * 1024 + BUFFERED);
    }

    @Test
    void aCrlDeclaringTwoGigabytesIsNotRead() throws Exception {
        OnlineRevocationSource revocation = new OnlineRevocationSource(Duration.ofSeconds(5));
        X509Certificate[] chain = certificatePointingAt(URI.create("http://127.0.0.1:1/ocsp"), ca.url("/declared/ca.crl"));

        RevocationSource.RevocationData data = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> revocation.revocationData(chain[0], chain[1]));

        assertThat(data.crls()).isEmpty();
        assertThat(ca.lastAnswer(Duration.ofSeconds(10))).isLessThan(BUFFERED);
    }

    /** A certificate and its issuer, the certificate's OCSP responder and CRL at the given addresses. */
    private static X509Certificate[] certificatePointingAt(URI ocsp, URI crl) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        KeyPair issuerKeys = generator.generateKeyPair();
        KeyPair keys = generator.generateKeyPair();
        X500Name issuerName = new X500Name("CN=CA hỏng");
        Date from = Date.from(Instant.now().minusSeconds(60));
        Date to = Date.from(Instant.now().plusSeconds(3600));
        JcaContentSignerBuilder signer = new JcaContentSignerBuilder("SHA256withECDSA");
        X509Certificate issuer = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                issuerName, BigInteger.ONE, from, to, issuerName, issuerKeys.getPublic()).build(signer.build(issuerKeys.getPrivate())));
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                issuerName, BigInteger.TWO, from, to, new X500Name("CN=Giáo viên"), keys.getPublic())
                .addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(new AccessDescription[] {
                    new AccessDescription(AccessDescription.id_ad_ocsp,
                            new GeneralName(GeneralName.uniformResourceIdentifier, ocsp.toString()))}))
                .addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                    new DistributionPoint(new DistributionPointName(new GeneralNames(
                            new GeneralName(GeneralName.uniformResourceIdentifier, crl.toString()))), null, null)}))
                .build(signer.build(issuerKeys.getPrivate())));
        return new X509Certificate[] {certificate, issuer};
    }
}
