package vn.hocba.pades;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hocba.pades.devpki.DevelopmentPki;
import vn.hocba.pades.verify.SignatureVerifier;
import vn.hocba.pades.verify.VerificationReport;
import vn.hocba.pades.verify.Verdict;

class TamperingIsDetectedTest {

    @TempDir
    static Path pkiDir;

    static byte[] signed;
    static SignatureVerifier verifier;

    @BeforeAll
    static void signOnce() {
        DevelopmentPki pki = DevelopmentPki.createFresh(pkiDir);
        SigningChain chain = SigningChain.of(pki.timeStampAuthority(), pki.revocationSource(), pki.credentialCheck());
        signed = chain.signTranscript(TestDocuments.transcript(), pki.issue("Trần Thị Hoa", "Giáo viên chủ nhiệm", null),
                pki.issue("Lê Văn Nam", "Hiệu trưởng", null), pki.organisation());
        verifier = new SignatureVerifier(pki.trustAnchors());
    }

    @Test
    void theUntouchedTranscriptIsReportedValidWithEverySigner() {
        VerificationReport report = verifier.verify(signed, "hoc-ba.pdf");

        assertThat(report.verdict()).isEqualTo(Verdict.VALID);
        assertThat(report.signatures()).extracting(s -> s.signer())
                .containsExactly("Trần Thị Hoa", "Lê Văn Nam", "Nhà trường HocBa (phát triển)");
        assertThat(report.signatures()).allSatisfy(s -> {
            assertThat(s.intact()).isTrue();
            assertThat(s.level()).isEqualTo("PAdES-BASELINE-LTA");
            assertThat(s.timeStampedTime()).isNotNull();
        });
        assertThat(report.documentTimeStamps()).singleElement().satisfies(t -> assertThat(t.passed()).isTrue());
        assertThat(report.coversWholeFile()).isTrue();
        assertThat(report.unsignedFields()).isEmpty();
        assertThat(report.toText()).contains("HỢP LỆ", "Giáo viên chủ nhiệm", "Hiệu trưởng");
        assertThat(report.toJson()).contains("\"verdict\" : \"VALID\"", "PAdES-BASELINE-LTA");
    }

    @Test
    void oneFlippedByteInTheSignedContentFailsTheSignatures() {
        byte[] tampered = signed.clone();
        tampered[TestDocuments.transcript().length / 2] ^= 0x01; // inside the original document, signed by all

        VerificationReport report = verifier.verify(tampered, "hoc-ba.pdf");

        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(report.signatures()).anySatisfy(s -> assertThat(s.intact()).isFalse());
    }

    @Test
    void aPageAppendedAfterSigningIsReportedAsAModification() throws Exception {
        byte[] tampered = incrementalUpdate(document -> {
            document.addPage(new PDPage(PDRectangle.A4));
            document.getPages().getCOSObject().setNeedToBeUpdated(true);
        });

        VerificationReport report = verifier.verify(tampered, "hoc-ba.pdf");
        assertThat(report.coversWholeFile()).as("an unsigned revision follows the last time-stamp").isFalse();

        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        // the signed bytes are untouched; what changed the document was appended after them
        assertThat(report.signatures()).allSatisfy(s -> {
            assertThat(s.intact()).isTrue();
            assertThat(s.changedAfterSigning()).isTrue();
            assertThat(s.passed()).isFalse();
        });
    }

    @Test
    void aLaterRevisionThatChangesThePageContentIsReportedAsAModification() throws Exception {
        byte[] tampered = incrementalUpdate(document -> {
            PDPage page = document.getPage(0);
            try (PDPageContentStream content = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.APPEND, false)) {
                content.setNonStrokingColor(new PDColor(new float[] {1, 1, 1},
                        org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB.INSTANCE));
                content.addRect(60, 740, 400, 40); // white-out the grades
                content.fill();
            }
            page.getCOSObject().setNeedToBeUpdated(true);
        });

        VerificationReport report = verifier.verify(tampered, "hoc-ba.pdf");

        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        // the signed bytes are untouched; what changed the document was appended after them
        assertThat(report.signatures()).allSatisfy(s -> {
            assertThat(s.intact()).isTrue();
            assertThat(s.changedAfterSigning()).isTrue();
            assertThat(s.passed()).isFalse();
        });
    }

    interface Change {
        void apply(PDDocument document) throws Exception;
    }

    private static byte[] incrementalUpdate(Change change) throws Exception {
        try (PDDocument document = Loader.loadPDF(signed)) {
            change.apply(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        }
    }
}
