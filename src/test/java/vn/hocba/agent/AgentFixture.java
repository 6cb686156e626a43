package vn.hocba.agent;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.stream.Stream;
import vn.hocba.pades.SoftHsmToken;
import vn.hocba.pades.devpki.DevelopmentPki;

/**
 * Test helpers: a person's development key put on the test JVM's SoftHSM2 token, and the agent-side
 * answers file ({@link ScriptedPrompt}).
 */
public final class AgentFixture {

    private AgentFixture() {
    }

    /** Issues a key for {@code name} from {@code pki}, imports it onto the SoftHSM2 token as {@code alias}; returns its certificate. */
    public static X509Certificate keyOnToken(DevelopmentPki pki, Path pkiDirectory, String name, String alias)
            throws Exception {
        return onToken(pkiDirectory, pki.issue(name, "Giáo viên", null).certificate(), alias);
    }

    /** Imports the key of a development-PKI {@code certificate} (its .p12 in the PKI's people folder) onto the token. */
    public static X509Certificate onToken(Path pkiDirectory, X509Certificate certificate, String alias) throws Exception {
        SoftHsmToken.importKey(keyFile(pkiDirectory, certificate), DevelopmentPki.PASSWORD.toCharArray(), alias);
        return certificate;
    }

    /** The .p12 of the PKI's people folder that holds {@code certificate}; each file is opened once per JVM. */
    public static synchronized Path keyFile(Path pkiDirectory, X509Certificate certificate) throws Exception {
        try (Stream<Path> files = Files.list(pkiDirectory.resolve("people"))) {
            for (Path p12 : files.filter(f -> f.toString().endsWith(".p12")).toList()) {
                if (certificate.equals(HELD.computeIfAbsent(p12, AgentFixture::held))) {
                    return p12;
                }
            }
        }
        throw new IllegalStateException("no key file for " + certificate.getSubjectX500Principal());
    }

    private static final java.util.Map<Path, X509Certificate> HELD = new java.util.HashMap<>();

    private static X509Certificate held(Path p12) {
        try (var in = Files.newInputStream(p12)) {
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            store.load(in, DevelopmentPki.PASSWORD.toCharArray());
            return (X509Certificate) store.getCertificate(store.aliases().nextElement());
        } catch (Exception e) {
            return null;
        }
    }

    /** Writes the answers the person "types" at the agent. */
    public static void answers(Path file, String pin, String pairingCode, boolean confirm) throws Exception {
        Files.writeString(file, "pin=" + pin + "\npairing=" + pairingCode + "\nconfirm=" + (confirm ? "yes" : "no") + "\n",
                StandardCharsets.UTF_8);
    }

    /** The SHA-256 fingerprint the agent uses as a certificate's id. */
    public static String id(X509Certificate certificate) {
        return TokenKeys.fingerprint(certificate);
    }
}
