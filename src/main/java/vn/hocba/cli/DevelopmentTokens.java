package vn.hocba.cli;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import vn.hocba.pades.devpki.DevelopmentPki;

/**
 * What {@code dev-tokens} puts on the SoftHSM2 token: for each person not yet on it (alias = username),
 * the private key and certificate chain of their development-PKI credential (the same key the server's
 * development signing uses), each handed to {@link Registration} to be registered for that account.
 */
final class DevelopmentTokens {

    /** An account and the staff record's name that its certificate must carry. */
    record Person(String username, String fullName) {
    }

    /** Registers a chain (signer first) for an account. */
    interface Registration {
        void register(String username, List<X509Certificate> chain);
    }

    private final KeyStore token;
    private final DevelopmentPki pki;
    private final Path people;

    DevelopmentTokens(KeyStore token, DevelopmentPki pki, Path pkiDirectory) {
        this.token = token;
        this.pki = pki;
        this.people = pkiDirectory.resolve("people");
    }

    /** Puts each person not yet on the token onto it and registers their certificate; returns those added. */
    List<Person> fill(List<Person> persons, Registration registration) throws Exception {
        List<Person> added = new ArrayList<>();
        for (Person person : persons) {
            if (token.containsAlias(person.username())) {
                continue;
            }
            X509Certificate certificate = pki.issue(person.fullName(), "Cán bộ", null).certificate();
            KeyStore p12 = holding(certificate);
            String entry = p12.aliases().nextElement();
            java.security.cert.Certificate[] chain = p12.getCertificateChain(entry);
            token.setKeyEntry(person.username(), (PrivateKey) p12.getKey(entry, DevelopmentPki.PASSWORD.toCharArray()),
                    null, chain);
            registration.register(person.username(), Arrays.stream(chain).map(c -> (X509Certificate) c).toList());
            added.add(person);
        }
        return added;
    }

    private KeyStore holding(X509Certificate certificate) throws Exception {
        try (Stream<Path> files = Files.list(people)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".p12")).toList()) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(file)) {
                    store.load(in, DevelopmentPki.PASSWORD.toCharArray());
                } catch (GeneralSecurityException e) {
                    continue;
                }
                if (certificate.equals(store.getCertificate(store.aliases().nextElement()))) {
                    return store;
                }
            }
        }
        throw new IllegalStateException("không thấy tệp khóa của chứng thư số vừa cấp trong " + people);
    }
}
