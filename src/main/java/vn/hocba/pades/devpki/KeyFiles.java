package vn.hocba.pades.devpki;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** The development PKI's PKCS#12 files, all with {@link DevelopmentPki#PASSWORD}. */
final class KeyFiles {

    private KeyFiles() {
    }

    /**
     * Writes the file whole under a temporary name, then links it into place only if no file of that name
     * exists: two threads or two nodes issuing the same person's first certificate at once never read a
     * half-written file, and the first one written is the one everybody keeps (the other is discarded).
     */
    static void store(Path file, String alias, PrivateKey key, X509Certificate... chain) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(alias, key, DevelopmentPki.PASSWORD.toCharArray(), chain);
        Path written = Files.createTempFile(file.getParent(), ".issuing-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(written)) {
                store.store(out, DevelopmentPki.PASSWORD.toCharArray());
            }
            Files.createLink(file, written);
        } catch (FileAlreadyExistsException e) {
            // issued by another thread or node in the meantime: theirs is kept
        } finally {
            Files.deleteIfExists(written);
        }
    }

    static KeyStore load(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, DevelopmentPki.PASSWORD.toCharArray());
        }
        return store;
    }

    static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
