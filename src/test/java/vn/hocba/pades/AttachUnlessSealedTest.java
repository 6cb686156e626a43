package vn.hocba.pades;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hocba.pades.devpki.DevelopmentPki;
import vn.hocba.pades.internal.PdfLoading;

/**
 * The seal's batch adds the fully signed record to a transcript in the revision of the seal's signature, and
 * only while the seal has not signed it: an unsealed transcript gets the file (whose bytes are the record's
 * exactly) in one revision after the principal's, covered by the seal's signature; a sealed one is skipped by a
 * resumed batch without its record even being read; no file, no attachment.
 */
class AttachUnlessSealedTest {

    @TempDir
    static Path pkiDir;

    static DevelopmentPki pki;
    static SigningCredential seal;
    static BatchSigner batch;

    @BeforeAll
    static void setUp() {
        pki = DevelopmentPki.createFresh(pkiDir);
        seal = pki.organisation("TRƯỜNG THCS THỬ NGHIỆM");
        batch = new BatchSigner(new PadesSigner(pki.timeStampAuthority(), pki.credentialCheck()), pki.credentialCheck());
    }

    private static AssociatedFileUpdate.File record(byte[] bytes) {
        return new AssociatedFileUpdate.File("HS001-hocbaso-da-ky.xml", "Học bạ số đã ký đủ", "application/xml",
                "Source", bytes, Instant.parse("2026-05-30T03:00:00Z"));
    }

    /** Documents in memory whose attachment comes from {@code file}. */
    private static final class Attaching extends MemoryBatchDocuments {

        final Supplier<Optional<AssociatedFileUpdate.File>> file;

        Attaching(Supplier<Optional<AssociatedFileUpdate.File>> file) {
            this.file = file;
        }

        @Override
        public Optional<AssociatedFileUpdate.File> attachment(String documentId) {
            return file.get();
        }
    }

    private static BatchSigner.Result seal(BatchDocuments documents) {
        return batch.sign(List.of("t"), documents, SignatureRequest.inBox(SignerRole.SCHOOL_SEAL, Instant.now()), seal,
                (id, outcome, done, total) -> { });
    }

    @Test
    void anUnsealedTranscriptGetsTheRecordInTheSealsRevisionAndASealedOneIsSkippedWithoutReadingIt() throws Exception {
        byte[] xml = "<HOC_BA><MA_HOC_SINH>HS001</MA_HOC_SINH>Học bạ</HOC_BA>".repeat(3_000)
                .getBytes(StandardCharsets.UTF_8);
        byte[] transcript = TestDocuments.transcript();
        AtomicInteger asked = new AtomicInteger();
        Attaching documents = new Attaching(() -> {
            asked.incrementAndGet();
            return Optional.of(record(xml));
        });
        documents.with("t", transcript);

        assertThat(seal(documents).signed()).containsExactly("t");
        byte[] sealed = documents.read("t");
        assertThat(asked).hasValue(1);
        assertThat(java.util.Arrays.copyOf(sealed, transcript.length)).as("the earlier revisions are untouched")
                .isEqualTo(transcript);
        assertThat(revisions(sealed)).as("one revision: the record and the seal's signature")
                .isEqualTo(revisions(transcript) + 1);
        assertThat(AssociatedFileUpdate.all(sealed)).containsOnlyKeys("HS001-hocbaso-da-ky.xml");
        assertThat(AssociatedFileUpdate.all(sealed).get("HS001-hocbaso-da-ky.xml")).isEqualTo(xml);
        try (PDDocument document = PdfLoading.load(sealed)) {
            PDSignature signature = document.getLastSignatureDictionary();
            int[] range = signature.getByteRange();
            assertThat((long) range[2] + range[3]).as("the seal's signature covers the whole file")
                    .isEqualTo(sealed.length);
        }

        assertThat(seal(documents).alreadySigned()).containsExactly("t");
        assertThat(asked).as("the record of a sealed transcript is not read").hasValue(1);
        assertThat(documents.read("t")).isEqualTo(sealed);
    }

    @Test
    void noFileNoAttachment() {
        Attaching documents = new Attaching(Optional::empty);
        documents.with("t", TestDocuments.transcript());

        assertThat(seal(documents).signed()).containsExactly("t");
        assertThat(AssociatedFileUpdate.all(documents.read("t"))).isEmpty();
    }

    private static int revisions(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int count = 0;
        for (int at = text.indexOf("%%EOF"); at >= 0; at = text.indexOf("%%EOF", at + 1)) {
            count++;
        }
        return count;
    }
}
