package vn.hocba.pades;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A credential whose private key is reached through a JCA {@link KeyStore}: a PKCS#12 file
 * ({@link Pkcs12Credential}) or a PKCS#11 token ({@link Pkcs11Credential}). The key never leaves
 * the provider; only {@link #sign} touches it.
 */
public class KeyStoreCredential implements SigningCredential {

    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final Provider provider;

    KeyStoreCredential(PrivateKey key, List<X509Certificate> chain, Provider provider) {
        this.key = key;
        this.chain = List.copyOf(chain);
        this.provider = provider;
    }

    /** Reads the entry {@code alias} (or the first key entry when null) from an opened store. */
    static KeyStoreCredential fromStore(KeyStore store, String alias, char[] password, Provider provider)
            throws GeneralSecurityException {
        String chosen = alias != null ? alias : firstKeyAlias(store);
        if (chosen == null || !store.isKeyEntry(chosen)) {
            throw new SigningException("Không tìm thấy khóa ký trong kho khóa" + (alias == null ? "" : " (bí danh '" + alias + "')")
                    + "; hãy kiểm tra tệp chứng thư số hoặc thiết bị ký.");
        }
        PrivateKey key = (PrivateKey) store.getKey(chosen, password);
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate c : store.getCertificateChain(chosen)) {
            chain.add((X509Certificate) c);
        }
        return new KeyStoreCredential(key, chain, provider);
    }

    private static String firstKeyAlias(KeyStore store) throws GeneralSecurityException {
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                return alias;
            }
        }
        return null;
    }


    @Override
    public List<X509Certificate> certificateChain() {
        return chain;
    }

    /**
     * A key in the JDK's own providers (a PKCS#12 file) is a value in memory and each {@link #sign} makes its own
     * {@link Signature}: any number of threads may sign at once. Not a PKCS#11 token's key (one device).
     */
    @Override
    public boolean signsConcurrently() {
        return provider == null;
    }

    @Override
    public byte[] sign(byte[] dataToSign) {
        try {
            String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
            Signature signature = provider == null
                    ? Signature.getInstance(algorithm) : Signature.getInstance(algorithm, provider);
            signature.initSign(key);
            signature.update(dataToSign);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new SigningException("Thiết bị ký của " + holderName() + " không ký được: " + e.getMessage()
                    + ". Hãy kiểm tra thiết bị ký (token) và mã PIN.", e);
        }
    }
}
