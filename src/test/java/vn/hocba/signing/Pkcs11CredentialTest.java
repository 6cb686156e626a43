package vn.hocba.signing;

import static org.assertj.core.api.Assertions.assertThat;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.simplereport.SimpleReport;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hocba.signing.devpki.DevelopmentPki;
import vn.hocba.signing.verify.SignatureVerifier;

/**
 * Signs with a key on a SoftHSM2 token through SunPKCS11. The token directory comes from
 * {@code SOFTHSM2_CONF}, which the build sets for the test JVM; the test writes that file and
 * initialises a fresh token with {@code softhsm2-util}.
 */
class Pkcs11CredentialTest {

    private static final char[] PIN = "1234".toCharArray();
    private static final List<Path> MODULES = List.of(Path.of("/usr/lib/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"), Path.of("/usr/lib64/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so"));

    @TempDir
    static Path pkiDir;

    static DevelopmentPki pki;
    static Path module;

    @BeforeAll
    static void tokenWithTheSchoolSealKey() throws Exception {
        module = MODULES.stream().filter(Files::exists).findFirst()
                .orElseThrow(() -> new AssertionError("SoftHSM2 is not installed (apt-get install softhsm2)"));
        Path conf = Path.of(System.getenv("SOFTHSM2_CONF"));
        Path tokens = conf.getParent().resolve("tokens");
        if (Files.exists(tokens)) {
            try (Stream<Path> files = Files.walk(tokens)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(tokens);
        Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n",
                StandardCharsets.US_ASCII);
        ProcessBuilder init = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label", "hocba-seal",
                "--so-pin", "12345678", "--pin", new String(PIN)).redirectErrorStream(true);
        init.environment().put("SOFTHSM2_CONF", conf.toString());
        Process process = init.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();

        pki = DevelopmentPki.createFresh(pkiDir);
        pki.organisation();
        importIntoToken(onlyPkcs12(pkiDir.resolve("people")));
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

    private static void importIntoToken(Path pkcs12) throws Exception {
        KeyStore file = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(pkcs12)) {
            file.load(in, DevelopmentPki.PASSWORD.toCharArray());
        }
        String alias = file.aliases().nextElement();
        PrivateKey key = (PrivateKey) file.getKey(alias, DevelopmentPki.PASSWORD.toCharArray());
        Certificate[] chain = file.getCertificateChain(alias);
        KeyStore token = KeyStore.getInstance("PKCS11", Pkcs11Credential.provider(module, 0));
        token.load(null, PIN);
        token.setKeyEntry("con-dau", key, null, chain);
    }

}
