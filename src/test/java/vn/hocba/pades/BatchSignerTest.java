package vn.hocba.pades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hocba.pades.devpki.DevelopmentPki;

class BatchSignerTest {

    @TempDir
    static Path pkiDir;

    static DevelopmentPki pki;
    static BatchSigner batch;
    static SigningCredential principal;
    static byte[] transcript;

    @BeforeAll
    static void setUp() {
        pki = DevelopmentPki.createFresh(pkiDir);
        batch = new BatchSigner(new PadesSigner(pki.timeStampAuthority(), pki.credentialCheck()), pki.credentialCheck());
        principal = pki.issue("Lê Văn Nam", "Hiệu trưởng", null);
        transcript = TestDocuments.transcript();
    }

    private static List<String> classOfFive(Path directory) throws IOException {
        List<String> ids = IntStream.rangeClosed(1, 5).mapToObj(i -> "hoc-ba-10A1-" + i + ".pdf").toList();
        for (String id : ids) {
            Files.write(directory.resolve(id), transcript);
        }
        return ids;
    }

    private static SignatureRequest principalRequest() {
        return SignatureRequest.inBox(SignerRole.PRINCIPAL, Instant.now());
    }

    @Test
    void aBatchInterruptedAfterTwoDocumentsResumesWithoutSigningAnyDocumentTwice(@TempDir Path directory)
            throws IOException {
        List<String> ids = classOfFive(directory);
        PathBatchDocuments store = new PathBatchDocuments(directory);
        assertThatThrownBy(() -> batch.sign(ids, store, principalRequest(), principal, (id, outcome, done, total) -> {
            if (done == 2) {
                throw new IllegalStateException("server killed");
            }
        })).hasMessage("server killed");

        List<String> progress = new ArrayList<>();
        BatchSigner.Result result = batch.sign(ids, store, principalRequest(), principal,
                (id, outcome, done, total) -> progress.add(done + "/" + total + " " + outcome));

        assertThat(result.alreadySigned()).containsExactly(ids.get(0), ids.get(1));
        assertThat(result.signed()).containsExactly(ids.get(2), ids.get(3), ids.get(4));
        assertThat(progress).containsExactly("1/5 ALREADY_SIGNED", "2/5 ALREADY_SIGNED", "3/5 SIGNED", "4/5 SIGNED",
                "5/5 SIGNED");
        for (String id : ids) {
            assertThat(signatureCount(directory.resolve(id))).as(id).isEqualTo(1);
        }
        try (var leftovers = Files.list(directory)) {
            assertThat(leftovers.filter(p -> p.toString().endsWith(".signing"))).isEmpty();
        }
    }

    @Test
    void runningAFinishedBatchAgainSignsNothing(@TempDir Path directory) throws IOException {
        List<String> ids = classOfFive(directory);
        PathBatchDocuments store = new PathBatchDocuments(directory);
        batch.sign(ids, store, principalRequest(), principal, (id, outcome, done, total) -> { });
        byte[] before = Files.readAllBytes(directory.resolve(ids.get(0)));

        BatchSigner.Result again = batch.sign(ids, store, principalRequest(), principal, (id, outcome, done, total) -> { });

        assertThat(again.signed()).isEmpty();
        assertThat(again.alreadySigned()).containsExactlyElementsOf(ids);
        assertThat(Files.readAllBytes(directory.resolve(ids.get(0)))).isEqualTo(before);
    }

    @Test
    void aDocumentThatCannotBeSignedIsReportedAndTheOthersAreSigned(@TempDir Path directory) throws IOException {
        List<String> ids = classOfFive(directory);
        Files.write(directory.resolve(ids.get(2)), "not a pdf".getBytes());

        BatchSigner.Result result = batch.sign(ids, new PathBatchDocuments(directory), principalRequest(), principal,
                (id, outcome, done, total) -> { });

        assertThat(result.signed()).hasSize(4);
        assertThat(result.failed()).containsOnlyKeys(ids.get(2));
        assertThat(result.failed().get(ids.get(2))).startsWith("Không đọc được");
    }

    @Test
    void aDeviceBatchReportsADocumentThatCannotBePreparedSoItsProgressReachesTheEnd(@TempDir Path directory)
            throws IOException {
        List<String> ids = classOfFive(directory);
        Files.write(directory.resolve(ids.get(2)), "not a pdf".getBytes());
        List<List<byte[]>> calls = new ArrayList<>();
        BatchSigningCredential token = new BatchSigningCredential() { // the person's token behind the local agent
            @Override
            public List<java.security.cert.X509Certificate> certificateChain() {
                return principal.certificateChain();
            }

            @Override
            public List<byte[]> signAll(List<byte[]> dataToSign) {
                calls.add(dataToSign);
                return dataToSign.stream().map(principal::sign).toList();
            }
        };
        List<String> progress = new ArrayList<>();

        BatchSigner.Result result = batch.sign(ids, new PathBatchDocuments(directory), principalRequest(), token,
                (id, outcome, done, total) -> progress.add(done + "/" + total + " " + outcome));

        assertThat(calls).as("one authorisation for the batch").hasSize(1);
        assertThat(calls.get(0)).hasSize(4);
        assertThat(result.signed()).containsExactly(ids.get(0), ids.get(1), ids.get(3), ids.get(4));
        assertThat(result.failed()).containsOnlyKeys(ids.get(2));
        assertThat(progress).containsExactly("1/5 FAILED", "2/5 SIGNED", "3/5 SIGNED", "4/5 SIGNED", "5/5 SIGNED");
        for (String id : List.of(ids.get(0), ids.get(1), ids.get(3), ids.get(4))) {
            assertThat(signatureCount(directory.resolve(id))).as(id).isEqualTo(1);
        }
    }

    private static int signatureCount(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return document.getSignatureDictionaries().size();
        }
    }
}
