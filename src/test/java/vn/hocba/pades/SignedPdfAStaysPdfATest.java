package vn.hocba.pades;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import vn.hocba.pades.devpki.DevelopmentPki;

class SignedPdfAStaysPdfATest {

    @TempDir
    static Path pkiDir;

    static DevelopmentPki pki;

    @BeforeAll
    static void setUp() {
        VeraGreenfieldFoundryProvider.initialise();
        pki = DevelopmentPki.createFresh(pkiDir);
    }

    @Test
    void theUnsignedTestTranscriptIsPdfA3b() throws Exception {
        assertCompliant(TestDocuments.transcript());
    }

    @Test
    void aPdfA3bTranscriptStaysPdfA3bAfterThreeVisibleSignaturesAndTheLongTermExtension() throws Exception {
        SigningChain chain = SigningChain.of(pki.timeStampAuthority(), pki.revocationSource(), pki.credentialCheck());
        byte[] signed = chain.signTranscript(TestDocuments.transcript(),
                pki.issue("Trần Thị Hoa", "Giáo viên chủ nhiệm", null),
                pki.issue("Lê Văn Nam", "Hiệu trưởng", null), pki.organisation());

        assertCompliant(signed);
    }

    /** Asserts veraPDF finds {@code pdf} PDF/A-3b compliant, listing the failed clauses otherwise. */
    static void assertCompliant(byte[] pdf) throws Exception {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_3_B);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
            ValidationResult result = validator.validate(parser);
            assertThat(result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + " " + a.getMessage()).distinct().toList())
                    .isEmpty();
            assertThat(result.isCompliant()).isTrue();
        }
    }
}
