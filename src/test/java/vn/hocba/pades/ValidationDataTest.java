package vn.hocba.pades;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hocba.pades.devpki.DevelopmentPki;

/** What the LT/LTA extension stores for a validator in twenty years, for every document of a class alike. */
class ValidationDataTest {

    @TempDir
    static Path pkiDir;

    static DevelopmentPki pki;
    static PadesSigner signer;

    @BeforeAll
    static void pki() {
        pki = DevelopmentPki.createFresh(pkiDir);
        signer = new PadesSigner(pki.timeStampAuthority(), pki.credentialCheck());
    }

    @Test
    void everyDocumentSignedByTheSamePeopleGetsEveryCertificateAndRevocationAnswerNotOnlyTheFirst() throws Exception {
        SigningCredential homeroom = pki.issue("Trần Thị Hoa", "Giáo viên chủ nhiệm", null);
        SigningCredential principal = pki.issue("Lê Văn Nam", "Hiệu trưởng", null);
        LongTermExtender extender = new LongTermExtender(pki.timeStampAuthority(), pki.revocationSource());

        byte[] first = extender.extendToLta(signedTranscript(homeroom, principal));
        byte[] second = extender.extendToLta(signedTranscript(homeroom, principal));

        Set<String> certificates = entries(first, "Certs");
        // homeroom, principal, the seal, their CA(s) and root, the TSA: at least five distinct certificates
        assertThat(certificates).hasSizeGreaterThanOrEqualTo(5);
        assertThat(entries(second, "Certs")).isEqualTo(certificates);
        assertThat(entries(first, "OCSPs")).isNotEmpty();
        assertThat(entries(second, "OCSPs").size() + entries(second, "CRLs").size())
                .isEqualTo(entries(first, "OCSPs").size() + entries(first, "CRLs").size());
    }

    private static byte[] signedTranscript(SigningCredential homeroom, SigningCredential principal) {
        java.time.Instant now = java.time.Instant.now();
        byte[] pdf = signer.sign(TestDocuments.transcript(), SignatureRequest.inBox(SignerRole.HOMEROOM_TEACHER, now),
                homeroom);
        pdf = signer.sign(pdf, SignatureRequest.inBox(SignerRole.PRINCIPAL, now), principal);
        return signer.sign(pdf, SignatureRequest.inBox(SignerRole.SCHOOL_SEAL, now), pki.organisation());
    }

    /** SHA-256 of each certificate (or CRL, OCSP response) in the document's /DSS. */
    private static Set<String> entries(byte[] pdf, String key) throws Exception {
        Set<String> result = new TreeSet<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            COSDictionary dss = document.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.DSS);
            COSArray array = dss.getCOSArray(COSName.getPDFName(key));
            for (int i = 0; array != null && i < array.size(); i++) {
                try (var in = ((COSStream) array.getObject(i)).createInputStream()) {
                    result.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes())));
                }
            }
        }
        return result;
    }
}
