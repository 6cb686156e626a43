package vn.hocba.pades;

import static org.assertj.core.api.Assertions.assertThat;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.simplereport.SimpleReport;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import vn.hocba.documents.DocumentRenderer;
import vn.hocba.documents.SubjectResultSheetData;
import vn.hocba.documents.sample.SampleDocuments;
import vn.hocba.pades.devpki.DevelopmentPki;
import vn.hocba.pades.verify.SignatureVerifier;

/**
 * The two modules together: the documents module's real PDF/A-3b transcript (several pages,
 * a box for every subject teacher besides gvcn, hieu_truong and con_dau) and subject result
 * sheet, signed through the whole chain and checked by EU DSS and veraPDF.
 */
class SigningRenderedDocumentsTest {

    @TempDir
    static Path pkiDir;

    static DevelopmentPki pki;
    static SigningChain chain;
    static SignatureVerifier verifier;
    static SampleDocuments samples;
    static byte[] signedTranscript;

    @BeforeAll
    static void signTheRenderedTranscript() {
        VeraGreenfieldFoundryProvider.initialise();
        pki = DevelopmentPki.createFresh(pkiDir);
        chain = SigningChain.of(pki.timeStampAuthority(), pki.revocationSource(), pki.credentialCheck());
        verifier = new SignatureVerifier(pki.trustAnchors());
        samples = SampleDocuments.create();
        byte[] transcript = new DocumentRenderer().renderToBytes(samples.transcript(0));
        signedTranscript = chain.signTranscript(transcript,
                pki.issue("Trần Thị Hoa", "Giáo viên chủ nhiệm", null),
                pki.issue("Lê Văn Nam", "Hiệu trưởng", null), pki.organisation());
    }

    @Test
    void everySignatureOfTheRenderedTranscriptIsTotalPassedAtBaselineLta() {
        SimpleReport report = verifier.validate(signedTranscript, "hoc-ba.pdf").getSimpleReport();

        assertThat(report.getSignatureIdList()).hasSize(3);
        assertThat(report.getSignatureIdList()).allSatisfy(id -> {
            assertThat(report.getIndication(id)).as(report.getSignedBy(id) + " " + messages(report, id))
                    .isEqualTo(Indication.TOTAL_PASSED);
            assertThat(report.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_LTA);
        });
        assertThat(report.getSignatureIdList()).extracting(report::getSignedBy)
                .contains("Trần Thị Hoa", "Lê Văn Nam");
    }

    @Test
    void theRenderedTranscriptStaysPdfA3bAfterSigning() throws Exception {
        SignedPdfAStaysPdfATest.assertCompliant(signedTranscript);
    }

    @Test
    void theRenderedSubjectSheetSignedByItsTeacherIsTotalPassedAtBaselineLta() {
        SubjectResultSheetData sheet = samples.subjectResultSheet(0);
        byte[] signed = chain.signSubjectSheet(new DocumentRenderer().renderToBytes(sheet),
                pki.issue(sheet.subject().teacherName(), "Giáo viên bộ môn", null), sheet.subject().code());

        SimpleReport report = verifier.validate(signed, "bang-diem.pdf").getSimpleReport();

        String id = report.getFirstSignatureId();
        assertThat(report.getSignatureIdList()).hasSize(1);
        assertThat(report.getIndication(id)).as(messages(report, id)).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_LTA);
    }

    private static String messages(SimpleReport report, String id) {
        return report.getAdESValidationErrors(id).stream().map(m -> m.getValue()).toList().toString();
    }
}
