package vn.hocba.pades.devpki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hocba.pades.SigningException;

/**
 * The development TSA makes its in-process tokens without the request/response round trip: each must still be a
 * token a verifier accepts (granted for the digest asked, signed by the TSA's certificate, which it carries, with the
 * ESS signing certificate, the policy, a nonce, a fresh serial), as the tokens it gives over the wire are.
 */
class InProcessTimeStampAuthorityTest {

    @TempDir
    static Path dir;

    @Test
    void inProcessTokensAreValidTokensForTheDigestLikeThoseOverTheWire() throws Exception {
        InProcessTimeStampAuthority tsa = DevelopmentPki.createFresh(dir.resolve("pki")).timeStampAuthority();
        Set<BigInteger> serials = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("bản ghi " + i).getBytes());
            Instant before = Instant.now();
            TimeStampToken token = new TimeStampToken(new CMSSignedData(tsa.timeStamp(digest)));
            assertValid(token, tsa, TSPAlgorithms.SHA256, digest, before);
            assertThat(serials.add(token.getTimeStampInfo().getSerialNumber())).as("a fresh serial").isTrue();
        }
        byte[] sha512 = MessageDigest.getInstance("SHA-512").digest("tài liệu".getBytes());
        Instant beforeSha512 = Instant.now();
        assertValid(new TimeStampToken(new CMSSignedData(tsa.timeStamp(TSPAlgorithms.SHA512.getId(), sha512))), tsa,
                TSPAlgorithms.SHA512, sha512, beforeSha512);

        TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
        requests.setCertReq(true);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("qua mạng".getBytes());
        TimeStampRequest request = requests.generate(TSPAlgorithms.SHA256, digest, BigInteger.TEN);
        Instant beforeWire = Instant.now();
        TimeStampResponse response = new TimeStampResponse(tsa.respond(request.getEncoded()));
        response.validate(request);
        assertValid(response.getTimeStampToken(), tsa, TSPAlgorithms.SHA256, digest, beforeWire);
        assertThat(serials).doesNotContain(response.getTimeStampToken().getTimeStampInfo().getSerialNumber());
    }

    @Test
    void callersStampingAtTheSameMomentEachGetAValidTokenForTheirDigestWithItsOwnSerial() throws Exception {
        InProcessTimeStampAuthority tsa = DevelopmentPki.createFresh(dir.resolve("pki3")).timeStampAuthority();
        int callers = 4;
        int each = 25;
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            CyclicBarrier start = new CyclicBarrier(callers);
            Instant before = Instant.now();
            List<Future<List<byte[]>>> digestsAndTokens = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                int caller = c;
                digestsAndTokens.add(threads.submit(() -> {
                    start.await();
                    List<byte[]> out = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        byte[] digest = MessageDigest.getInstance("SHA-256").digest(("học bạ " + caller + "/" + i)
                                .getBytes());
                        out.add(digest);
                        out.add(i % 5 == 4 ? tsa.respond(wireRequest(digest)) : tsa.timeStamp(digest));
                    }
                    return out;
                }));
            }
            Set<BigInteger> serials = new HashSet<>();
            for (Future<List<byte[]>> f : digestsAndTokens) {
                List<byte[]> out = f.get();
                for (int i = 0; i < out.size(); i += 2) {
                    byte[] answer = out.get(i + 1);
                    TimeStampToken token = (i / 2) % 5 == 4 ? new TimeStampResponse(answer).getTimeStampToken()
                            : new TimeStampToken(new CMSSignedData(answer));
                    assertValid(token, tsa, TSPAlgorithms.SHA256, out.get(i), before);
                    assertThat(serials.add(token.getTimeStampInfo().getSerialNumber())).as("a fresh serial").isTrue();
                }
            }
            assertThat(serials).hasSize(callers * each);
        } finally {
            threads.shutdownNow();
        }
    }

    private static byte[] wireRequest(byte[] digest) throws java.io.IOException {
        TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
        requests.setCertReq(true);
        return requests.generate(TSPAlgorithms.SHA256, digest, BigInteger.ONE).getEncoded();
    }

    @Test
    void aDigestAlgorithmTheTsaDoesNotAcceptIsRefused() {
        InProcessTimeStampAuthority tsa = DevelopmentPki.createFresh(dir.resolve("pki2")).timeStampAuthority();
        assertThatThrownBy(() -> tsa.timeStamp("1.2.3.4", new byte[32])).isInstanceOf(SigningException.class);
    }

    private static void assertValid(TimeStampToken token, InProcessTimeStampAuthority tsa, ASN1ObjectIdentifier algorithm,
            byte[] digest, Instant notBefore) throws Exception {
        token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa.certificateChain().get(0)));
        assertThat(token.getTimeStampInfo().getMessageImprintAlgOID()).isEqualTo(algorithm);
        assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(digest);
        assertThat(token.getTimeStampInfo().getPolicy()).isEqualTo(InProcessTimeStampAuthority.POLICY);
        assertThat(token.getTimeStampInfo().getNonce()).isNotNull();
        // The token's time is in whole seconds (the generator's resolution), so it may read earlier than the moment
        // the call began, within that second.
        assertThat(token.getTimeStampInfo().getGenTime().toInstant()).isBetween(notBefore.truncatedTo(ChronoUnit.SECONDS),
                Instant.now().plus(Duration.ofSeconds(1)));
        assertThat(token.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
        assertThat(token.getCertificates().getMatches(null)).extracting(X509CertificateHolder::getSubject)
                .contains(new X509CertificateHolder(tsa.certificateChain().get(0).getEncoded()).getSubject());
    }
}
