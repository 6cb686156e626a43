package vn.hocba.pades;

import static org.assertj.core.api.Assertions.assertThat;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.simplereport.SimpleReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hocba.pades.devpki.DevelopmentPki;
import vn.hocba.pades.verify.SignatureVerifier;

/**
 * Signs with a key on a SoftHSM2 token through SunPKCS11 (the token: {@link SoftHsmToken}).
 */
class Pkcs11CredentialTest {

    private static final char[] PIN = SoftHsmToken.PIN.toCharArray();

    @TempDir
    static Path pkiDir;

    static DevelopmentPki pki;
    static Path module;

    @BeforeAll
    static void tokenWithTheSchoolSealKey() throws Exception {
        module = SoftHsmToken.module();
        pki = DevelopmentPki.createFresh(pkiDir);
        pki.organisation();
        SoftHsmToken.importKey(onlyPkcs12(pkiDir.resolve("people")), DevelopmentPki.PASSWORD.toCharArray(), "con-dau");
    }

    @Test
    void theSchoolSealSignsWithItsKeyOnAPkcs11TokenAndValidatesAtBaselineLta() {
        SigningCredential seal = Pkcs11Credential.open(module, 0, PIN, "con-dau");
        SigningChain chain = SigningChain.of(pki.timeStampAuthority(), pki.revocationSource(), pki.credentialCheck());

        byte[] signed = chain.finish(chain.approve(TestDocuments.transcript(), SignerRole.SCHOOL_SEAL, seal));

        SimpleReport report = new SignatureVerifier(pki.trustAnchors()).validate(signed, "seal.pdf").getSimpleReport();
        String id = report.getFirstSignatureId();
        assertThat(report.getSignedBy(id)).isEqualTo("Nhà trường HocBa (phát triển)");
        assertThat(report.getIndication(id)).as(String.valueOf(report.getAdESValidationErrors(id)))
                .isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_LTA);
    }

    @Test
    void theTokenKeyCannotBeReadOutOnlyUsed() throws Exception {
        KeyStore token = KeyStore.getInstance("PKCS11", Pkcs11Credential.provider(module, 0));
        token.load(null, PIN);
        PrivateKey key = (PrivateKey) token.getKey("con-dau", null);

        assertThat(key.getEncoded()).isNull(); // sensitive key: no bytes leave the token
        assertThat(Pkcs11Credential.open(module, 0, PIN, "con-dau").sign(new byte[] {1, 2, 3})).hasSize(256);
    }

    private static Path onlyPkcs12(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.toString().endsWith(".p12")).findFirst().orElseThrow();
        }
    }
}
