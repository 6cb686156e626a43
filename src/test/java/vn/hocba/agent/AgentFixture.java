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
        Path p12;
        try (Stream<Path> files = Files.list(pkiDirectory.resolve("people"))) {
            p12 = files.filter(f -> f.toString().endsWith(".p12")).filter(f -> holds(f, certificate)).findFirst()
                    .orElseThrow();
        }
        SoftHsmToken.importKey(p12, DevelopmentPki.PASSWORD.toCharArray(), alias);
        return certificate;
    }

    private static boolean holds(Path p12, X509Certificate certificate) {
        try (var in = Files.newInputStream(p12)) {
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            store.load(in, DevelopmentPki.PASSWORD.toCharArray());
            return certificate.equals(store.getCertificate(store.aliases().nextElement()));
        } catch (Exception e) {
            return false;
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
