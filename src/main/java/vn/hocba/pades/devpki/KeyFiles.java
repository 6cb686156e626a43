package vn.hocba.pades.devpki;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** The development PKI's PKCS#12 files, all with {@link DevelopmentPki#PASSWORD}. */
final class KeyFiles {

    private KeyFiles() {
    }

    static void store(Path file, String alias, PrivateKey key, X509Certificate... chain) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(alias, key, DevelopmentPki.PASSWORD.toCharArray(), chain);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, DevelopmentPki.PASSWORD.toCharArray());
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
