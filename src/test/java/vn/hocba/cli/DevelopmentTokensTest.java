package vn.hocba.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.hocba.pades.CertificateNames;
import vn.hocba.pades.Pkcs11Credential;
import vn.hocba.pades.SoftHsmToken;
import vn.hocba.pades.devpki.DevelopmentPki;

/**
 * {@code dev-tokens} (issue 16 item 5) without a Spring context: the command's token filling against
 * the test JVM's SoftHSM2 token. Each person gets a key and a development-PKI certificate with their
 * name under their username, the chain is handed over for registration, the key on the token signs
 * what the certificate verifies, and a second run adds nobody (people already on the token are kept).
 */
class DevelopmentTokensTest {

    @Test
    void everyPersonGetsAKeyAndRegisteredCertificateOnTheTokenOnce() throws Exception {
        Path dir = Files.createTempDirectory("hocba-dev-tokens");
        DevelopmentPki pki = DevelopmentPki.openOrCreate(dir);
        KeyStore token = KeyStore.getInstance("PKCS11", Pkcs11Credential.provider(SoftHsmToken.module(), 0));
        token.load(null, SoftHsmToken.PIN.toCharArray());
        List<DevelopmentTokens.Person> people = List.of(new DevelopmentTokens.Person("dev-tokens-gv01", "Phạm Thị Hồng Nhung"),
                new DevelopmentTokens.Person("dev-tokens-hieutruong", "Lê Văn Triển"));
        Map<String, List<X509Certificate>> registered = new LinkedHashMap<>();

        List<DevelopmentTokens.Person> added = new DevelopmentTokens(token, pki, dir).fill(people, registered::put);

        assertThat(added).isEqualTo(people);
        assertThat(registered.keySet()).containsExactly("dev-tokens-gv01", "dev-tokens-hieutruong");
        for (DevelopmentTokens.Person person : people) {
            List<X509Certificate> chain = registered.get(person.username());
            X509Certificate certificate = chain.get(0);
            assertThat(CertificateNames.commonName(certificate)).isEqualTo(person.fullName());
            assertThat(chain.get(chain.size() - 1)).as("the chain reaches the development root").isEqualTo(pki.rootCertificate());
            assertThat(token.getCertificate(person.username())).isEqualTo(certificate);
            byte[] data = ("dữ liệu ký của " + person.username()).getBytes(StandardCharsets.UTF_8);
            Signature signer = Signature.getInstance("SHA256withRSA", token.getProvider());
            signer.initSign((PrivateKey) token.getKey(person.username(), null));
            signer.update(data);
            byte[] value = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(certificate);
            verifier.update(data);
            assertThat(verifier.verify(value)).as("the token's key belongs to the registered certificate").isTrue();
        }

        List<String> again = new ArrayList<>();
        assertThat(new DevelopmentTokens(token, pki, dir).fill(people, (u, c) -> again.add(u))).isEmpty();
        assertThat(again).isEmpty();
    }
}
