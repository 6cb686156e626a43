package vn.hocba.pades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.simplereport.SimpleReport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hocba.pades.devpki.DevelopmentPki;
import vn.hocba.pades.verify.SignatureVerifier;

/**
 * Remote signing through the CSC API v2 client, against a test double of the CA's service served
 * over HTTP ({@link CscTestDouble}): the key never reaches HocBa, only the digest of the signed
 * attributes goes out and a signature value comes back.
 */
class CscClientTest {

    private static final String PIN = "246810";

    @TempDir
    static Path pkiDir;

    static DevelopmentPki pki;
    static PkiOverHttp http;
    static CscTestDouble service;
    static CscClient client;

    @BeforeAll
    static void remoteSigningService() throws Exception {
        pki = DevelopmentPki.createFresh(pkiDir);
        pki.issue("Đỗ Thị Mai", "Giáo viên bộ môn", null);
        http = PkiOverHttp.start(pki);
        service = CscTestDouble.serve(http, "/csc/v2", "token-cua-truong", "mai-2026", PIN,
                pkiDir.resolve("people/do-thi-mai.p12"), DevelopmentPki.PASSWORD.toCharArray());
        client = new CscClient(http.url("/csc/v2"), "token-cua-truong".toCharArray(), Duration.ofSeconds(5), null);
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @Test
    void aSubjectSheetSignedThroughTheRemoteServiceValidatesAtBaselineLta() {
        assertThat(client.credentialIds()).containsExactly("mai-2026");
        SigningCredential mai = client.credential("mai-2026", PIN);
        SigningChain chain = SigningChain.of(pki.timeStampAuthority(), pki.revocationSource(), pki.credentialCheck());

        byte[] signed = chain.signSubjectSheet(TestDocuments.subjectSheet(), mai, "VAN");

        SimpleReport report = new SignatureVerifier(pki.trustAnchors()).validate(signed, "van.pdf").getSimpleReport();
        String id = report.getFirstSignatureId();
        assertThat(report.getSignedBy(id)).isEqualTo("Đỗ Thị Mai");
        assertThat(report.getIndication(id)).as(String.valueOf(report.getAdESValidationErrors(id)))
                .isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_LTA);
    }

    @Test
    void theHashSentIsTheSha256OfTheDerSignedAttributes() {
        SigningCredential mai = client.credential("mai-2026", PIN);
        PadesSigner signer = new PadesSigner(pki.timeStampAuthority(), pki.credentialCheck());
        DataToSign data = signer.prepare(TestDocuments.subjectSheet(),
                SignatureRequest.inBox(SignerRole.SUBJECT_TEACHER, Instant.now()).withField("gvbm_VAN"), mai.certificateChain());

        mai.sign(data.bytes());

        assertThat(service.signedHashes.get(service.signedHashes.size() - 1)).isEqualTo(data.digest());
    }

    @Test
    void aRefusedAuthorisationGivesASpecificMessageAndSignsNothing() {
        SigningCredential wrongPin = client.credential("mai-2026", "000000");
        BatchSigner batch = new BatchSigner(new PadesSigner(pki.timeStampAuthority(), pki.credentialCheck()),
                pki.credentialCheck());
        byte[] sheet = TestDocuments.subjectSheet();
        MemoryBatchDocuments store = new MemoryBatchDocuments().with("van.pdf", sheet);

        BatchSigner.Result result = batch.sign(List.of("van.pdf"), store,
                SignatureRequest.inBox(SignerRole.SUBJECT_TEACHER, Instant.now()).withField("gvbm_VAN"), wrongPin,
                (id, outcome, done, total) -> { });

        assertThat(result.failed().get("van.pdf")).isEqualTo("Dịch vụ ký từ xa " + http.url("/csc/v2/")
                + " (credentials/authorize): dịch vụ từ chối cấp quyền ký (kiểm tra mã PIN/OTP): The PIN is invalid."
                + " Văn bản chưa được ký.");
        assertThat(store.read("van.pdf")).isEqualTo(sheet);
    }

    @Test
    void aServiceAccountTheServiceDoesNotAcceptIsNamedAsSuch() {
        CscClient stranger = new CscClient(http.url("/csc/v2"), "token-la".toCharArray(), Duration.ofSeconds(5), null);

        assertThatThrownBy(stranger::credentialIds).isInstanceOf(SigningException.class)
                .hasMessageContaining("(credentials/list): dịch vụ không chấp nhận tài khoản của nhà trường");
    }
}
