package vn.hocba.signing.device;

import static org.assertj.core.api.Assertions.assertThat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.hocba.pades.BatchSigner;
import vn.hocba.pades.BatchDocuments;
import vn.hocba.pades.PadesSigner;
import vn.hocba.pades.SignatureRequest;
import vn.hocba.pades.SignerRole;
import vn.hocba.pades.TestDocuments;
import vn.hocba.pades.devpki.DevelopmentPki;

/**
 * Item 3: a batch signed by a remote service after approval on the phone, through the HTTP adapter
 * against the in-process double: approval after a delay signs every document; a refusal, an expired
 * request and a certificate other than the registered one each end with their own Vietnamese
 * message and leave every document as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhoneApprovalTest {

    Path dir;
    DevelopmentPki pki;
    RemoteSigningDouble service;
    HttpPhoneApprovalProvider provider;
    BatchSigner batch;
    X509Certificate teacher;
    final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeAll
    void startTheService() throws Exception {
        dir = Files.createTempDirectory("hocba-phone-approval");
        pki = DevelopmentPki.openOrCreate(dir);
        RemoteSigningDouble.Key mine = key("Phạm Thị Từ Xa");
        RemoteSigningDouble.Key someoneElse = key("Đỗ Văn Khác");
        teacher = mine.certificate();
        service = new RemoteSigningDouble(someoneElse, Duration.ofMillis(1500), Duration.ofSeconds(4));
        service.user("approves", mine, RemoteSigningDouble.Behaviour.APPROVE);
        service.user("refuses", mine, RemoteSigningDouble.Behaviour.REFUSE);
        service.user("forgets", mine, RemoteSigningDouble.Behaviour.EXPIRE);
        service.user("other-key", mine, RemoteSigningDouble.Behaviour.WRONG_CERTIFICATE);
        provider = new HttpPhoneApprovalProvider("smartca-test", "SmartCA (thử)", service.base(), "hocba", "secret-from-env");
        batch = new BatchSigner(new PadesSigner(pki.timeStampAuthority(), pki.credentialCheck()), pki.credentialCheck());
    }

    @AfterAll
    void stop() {
        service.close();
        threads.shutdownNow();
    }

    @Test
    void theCertificateToRegisterComesFromTheService() {
        assertThat(provider.certificateChain("approves").get(0)).isEqualTo(teacher);
    }

    @Test
    void aBatchApprovedOnThePhoneAfterADelayIsSignedWithOneApproval() throws Exception {
        Documents docs = new Documents(3);
        DeviceSession session = DeviceSession.of("gv05", "REMOTE", "học bạ", "6A1", List.of(teacher), Duration.ofMinutes(1));
        threads.submit(new PhoneApproval(session, provider, "approves", Duration.ofMillis(200)));
        BatchSigner.Result result = sign(session, docs);
        assertThat(result.signed()).hasSize(3);
        assertThat(result.failed()).isEmpty();
        assertThat(service.descriptions).contains("3 văn bản: học bạ, lớp 6A1");
        docs.all().forEach((id, pdf) -> assertThat(BatchSigner.signedBy(pdf, teacher)).as(id).isTrue());
        assertThat(session.view().approvalDeadline()).isAfter(Instant.now().minusSeconds(10));
    }

    @Test
    void aRefusalAnExpiryAndAnotherCertificateEachSayWhyAndWriteNothing() throws Exception {
        assertNothingWritten("refuses", "Bạn đã từ chối yêu cầu ký trên ứng dụng SmartCA (thử). Không văn bản nào được ký.");
        assertNothingWritten("forgets", "Yêu cầu ký đã hết hạn mà chưa được xác nhận trên ứng dụng SmartCA (thử)");
        assertNothingWritten("other-key", "đã ký bằng chứng thư số «Đỗ Văn Khác»");
    }

    private void assertNothingWritten(String user, String message) throws Exception {
        Documents docs = new Documents(2);
        Map<String, byte[]> before = docs.all();
        DeviceSession session = DeviceSession.of("gv05", "REMOTE", "học bạ", "6A1", List.of(teacher), Duration.ofMinutes(1));
        threads.submit(new PhoneApproval(session, provider, user, Duration.ofMillis(200)));
        BatchSigner.Result result = sign(session, docs);
        assertThat(result.signed()).as(user).isEmpty();
        assertThat(result.failed()).as(user).hasSize(2);
        assertThat(result.failed().values()).as(user).allSatisfy(m -> assertThat(m).contains(message));
        assertThat(docs.replaced).as(user).isZero();
        docs.all().forEach((id, pdf) -> assertThat(pdf).isEqualTo(before.get(id)));
    }

    private BatchSigner.Result sign(DeviceSession session, BatchDocuments docs) {
        return batch.sign(((Documents) docs).ids(), docs, SignatureRequest.inBox(SignerRole.HOMEROOM_TEACHER,
                Instant.now()), session, (id, outcome, done, total) -> { });
    }

    private RemoteSigningDouble.Key key(String name) throws Exception {
        X509Certificate certificate = pki.issue(name, "Giáo viên", null).certificate();
        try (var files = Files.list(dir.resolve("people"))) {
            for (Path p12 : files.toList()) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                try (var in = Files.newInputStream(p12)) {
                    store.load(in, DevelopmentPki.PASSWORD.toCharArray());
                }
                String alias = store.aliases().nextElement();
                if (certificate.equals(store.getCertificate(alias))) {
                    return new RemoteSigningDouble.Key((PrivateKey) store.getKey(alias,
                            DevelopmentPki.PASSWORD.toCharArray()), certificate);
                }
            }
        }
        throw new AssertionError("no key file for " + name);
    }

    /** Documents in memory, counting replacements. */
    static final class Documents implements BatchDocuments {
        private final Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        int replaced;

        Documents(int count) {
            for (int i = 1; i <= count; i++) {
                files.put("HB-" + i, TestDocuments.transcript());
            }
        }

        List<String> ids() {
            return List.copyOf(files.keySet());
        }

        Map<String, byte[]> all() {
            return new java.util.LinkedHashMap<>(files);
        }

        @Override
        public byte[] read(String documentId) {
            return files.get(documentId);
        }

        @Override
        public void replace(String documentId, byte[] signed) {
            replaced++;
            files.put(documentId, signed);
        }
    }
}
