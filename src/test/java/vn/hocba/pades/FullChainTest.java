package vn.hocba.pades;

import static org.assertj.core.api.Assertions.assertThat;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.simplereport.SimpleReport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hocba.pades.devpki.DevelopmentPki;
import vn.hocba.pades.verify.SignatureVerifier;

class FullChainTest {

    @TempDir
    static Path pkiDir;

    static DevelopmentPki pki;
    static SigningChain chain;
    static SignatureVerifier verifier;

    @BeforeAll
    static void pki() {
        pki = DevelopmentPki.createFresh(pkiDir);
        chain = SigningChain.of(pki.timeStampAuthority(), pki.revocationSource(), pki.credentialCheck());
        verifier = new SignatureVerifier(pki.trustAnchors());
    }

    @Test
    void everySignatureOfAFullySignedTranscriptIsTotalPassedAtBaselineLta() throws Exception {
        byte[] signed = chain.signTranscript(TestDocuments.transcript(),
                pki.issue("Trần Thị Hoa", "Giáo viên chủ nhiệm", "hoa@example.edu.vn"),
                pki.issue("Lê Văn Nam", "Hiệu trưởng", "nam@example.edu.vn"),
                pki.organisation());
        Files.write(Path.of("target/full-chain-transcript.pdf"), signed);

        SimpleReport report = verifier.validate(signed, "transcript.pdf").getSimpleReport();

        assertThat(report.getSignatureIdList()).hasSize(3);
        for (String id : report.getSignatureIdList()) {
            assertThat(report.getIndication(id)).as(report.getSignedBy(id) + " " + report.getAdESValidationErrors(id))
                    .isEqualTo(Indication.TOTAL_PASSED);
            assertThat(report.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_LTA);
            assertThat(report.getAdESValidationWarnings(id)).as(report.getSignedBy(id)).isEmpty();
        }
    }

    @Test
    void boxesWhoseEmptyAppearanceIsAHairOffTheirRectangleKeepEveryEarlierSignatureValid() throws Exception {
        byte[] unsigned = TestDocuments.transcriptWithFractionalBoxes();
        try (PDDocument document = Loader.loadPDF(unsigned)) { // the premise: /BBox and /Rect differ
            PDAnnotationWidget seal = document.getDocumentCatalog().getAcroForm().getField("con_dau").getWidgets().get(0);
            assertThat(seal.getAppearance().getNormalAppearance().getAppearanceStream().getBBox().getWidth())
                    .isNotEqualTo(seal.getRectangle().getWidth());
        }

        byte[] signed = chain.signTranscript(unsigned, pki.issue("Trần Thị Hoa", "Giáo viên chủ nhiệm", null),
                pki.issue("Lê Văn Nam", "Hiệu trưởng", null), pki.organisation());

        SimpleReport report = verifier.validate(signed, "transcript.pdf").getSimpleReport();
        assertThat(report.getSignatureIdList()).hasSize(3).allSatisfy(id -> {
            assertThat(report.getIndication(id)).as(report.getSignedBy(id)).isEqualTo(Indication.TOTAL_PASSED);
            assertThat(report.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_LTA);
        });
    }

    @Test
    void aHomeroomTeacherWithAnEcdsaP256KeySignsATranscriptThatValidates() {
        byte[] signed = chain.signTranscript(TestDocuments.transcript(),
                pki.issueEcdsa("Đỗ Thu Trang", "Giáo viên chủ nhiệm", null),
                pki.issue("Lê Văn Nam", "Hiệu trưởng", null), pki.organisation());

        SimpleReport report = verifier.validate(signed, "transcript.pdf").getSimpleReport();

        assertThat(report.getSignatureIdList()).allSatisfy(id -> {
            assertThat(report.getIndication(id)).isEqualTo(Indication.TOTAL_PASSED);
            assertThat(report.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_LTA);
        });
        assertThat(report.getSignatureIdList()).extracting(report::getSignedBy).contains("Đỗ Thu Trang");
    }

    @Test
    void validationDataAndDocumentTimeStampInSeparateRevisionsAlsoGiveBaselineLta() {
        LongTermExtender extender = new LongTermExtender(pki.timeStampAuthority(), pki.revocationSource());
        byte[] approved = chain.approve(TestDocuments.transcript(), SignerRole.HOMEROOM_TEACHER,
                pki.issue("Trần Thị Hoa", "Giáo viên chủ nhiệm", null));

        byte[] lt = extender.addValidationData(approved);
        SimpleReport ltReport = verifier.validate(lt, "lt.pdf").getSimpleReport();
        byte[] lta = extender.addDocumentTimeStamp(lt);
        SimpleReport ltaReport = verifier.validate(lta, "lta.pdf").getSimpleReport();

        assertThat(ltReport.getSignatureFormat(ltReport.getFirstSignatureId())).isEqualTo(SignatureLevel.PAdES_BASELINE_LT);
        assertThat(ltaReport.getSignatureFormat(ltaReport.getFirstSignatureId())).isEqualTo(SignatureLevel.PAdES_BASELINE_LTA);
        assertThat(ltaReport.getIndication(ltaReport.getFirstSignatureId())).isEqualTo(Indication.TOTAL_PASSED);
    }

    @Test
    void aSubjectSheetSignedByItsTeacherIsTotalPassedAtBaselineLta() {
        byte[] signed = chain.signSubjectSheet(TestDocuments.subjectSheet(),
                pki.issue("Phạm Minh Đức", "Giáo viên bộ môn Toán", "duc@example.edu.vn"), "TOAN");

        SimpleReport report = verifier.validate(signed, "toan.pdf").getSimpleReport();

        String id = report.getFirstSignatureId();
        assertThat(report.getIndication(id)).as(String.valueOf(report.getAdESValidationErrors(id)))
                .isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_LTA);
        assertThat(report.getSignedBy(id)).isEqualTo("Phạm Minh Đức");
    }

    @Test
    void aSecondTranscriptSignedWithTheSameStampsAsTheFirstIsTotalPassedAtBaselineLta() {
        // The stamps of a batch are one drawing (same signers, same claimed time): the second transcript gets copies.
        SigningChain batch = new SigningChain(new PadesSigner(pki.timeStampAuthority(), pki.credentialCheck()),
                new LongTermExtender(pki.timeStampAuthority(), pki.revocationSource()),
                java.time.Clock.fixed(java.time.Instant.now(), java.time.ZoneOffset.UTC));
        SigningCredential homeroom = pki.issue("Nguyễn Thị Lan", "Giáo viên chủ nhiệm", null);
        SigningCredential principal = pki.issue("Lê Văn Nam", "Hiệu trưởng", null);
        byte[] first = batch.signTranscript(TestDocuments.transcript(), homeroom, principal, pki.organisation());
        byte[] second = batch.signTranscript(TestDocuments.transcript(), homeroom, principal, pki.organisation());

        for (byte[] signed : java.util.List.of(first, second)) {
            SimpleReport report = verifier.validate(signed, "transcript.pdf").getSimpleReport();
            assertThat(report.getSignatureIdList()).hasSize(3).allSatisfy(id -> {
                assertThat(report.getIndication(id)).as(report.getSignedBy(id) + " " + report.getAdESValidationErrors(id))
                        .isEqualTo(Indication.TOTAL_PASSED);
                assertThat(report.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_LTA);
                assertThat(report.getAdESValidationWarnings(id)).as(report.getSignedBy(id)).isEmpty();
            });
        }
    }
}
