package vn.hocba.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.security.auth.login.LoginException;
import vn.hocba.pades.Pkcs11Credential;

/**
 * The keys the agent can use: the tokens of the configured PKCS#11 modules (one vendor module per
 * kind of USB token, slot list index 0…) and PKCS#12 files. Certificates are listed without the PIN;
 * the PIN opens the token for one batch, after which the agent logs out again.
 */
public final class TokenKeys {

    /** Why a batch could not be signed; each has its own message for the person. */
    public static final class TokenException extends Exception {
        private final String code;

        TokenException(String code, String message, Throwable cause) {
            super(message, cause);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** A certificate the agent can sign with: its SHA-256 fingerprint is its id. */
    public record Listed(String id, List<X509Certificate> chain, String device) {
        public X509Certificate certificate() {
            return chain.get(0);
        }
    }

    private record Pkcs11Slot(Path module, int slotListIndex) {
    }

    private final List<Pkcs11Slot> slots = new ArrayList<>();
    private final List<Path> pkcs12Files = new ArrayList<>();
    private final java.util.Map<String, Read> read = new java.util.LinkedHashMap<>();

    private record Read(Listed listed, Pkcs11Slot slot) {
    }

    /** Adds the first {@code slots} tokens of a vendor's PKCS#11 module. */
    public TokenKeys withPkcs11(Path module, int slots) {
        for (int i = 0; i < slots; i++) {
            this.slots.add(new Pkcs11Slot(module, i));
        }
        return this;
    }

    public TokenKeys withPkcs12(Path file) {
        pkcs12Files.add(file);
        return this;
    }

    /**
     * The certificates read from the tokens so far ({@link #readTokens}) and those of the PKCS#12 files.
     * SunPKCS11 shows a token's certificates only after login, so a token is read once with the PIN.
     */
    public synchronized List<Listed> list() {
        List<Listed> all = new ArrayList<>(read.values().stream().map(Read::listed).toList());
        for (Path file : pkcs12Files) {
            companionChain(file).ifPresent(chain -> all.add(new Listed(fingerprint(chain.get(0)), chain,
                    file.getFileName().toString())));
        }
        return all;
    }

    /** Logs in to every token plugged in with {@code pin}, reads its certificates with a key, logs out. */
    public synchronized List<Listed> readTokens(char[] pin) throws TokenException {
        boolean any = false;
        for (Pkcs11Slot slot : slots) {
            Provider provider;
            try {
                provider = provider(slot);
            } catch (RuntimeException e) {
                continue; // no token in this slot
            }
            try {
                KeyStore store = login(provider, pin);
                any = true;
                for (String alias : Collections.list(store.aliases())) {
                    if (store.isKeyEntry(alias)) {
                        chain(store, alias).ifPresent(chain -> read.put(fingerprint(chain.get(0)), new Read(new Listed(
                                fingerprint(chain.get(0)), chain, slot.module().getFileName() + " #" + slot.slotListIndex()),
                                slot)));
                    }
                }
            } catch (GeneralSecurityException e) {
                throw new TokenException("TOKEN_FAILED", "Không đọc được thiết bị ký: " + e.getMessage(), e);
            } catch (TokenException e) {
                if (!e.code().equals("TOKEN_FAILED")) {
                    throw e;
                }
            } finally {
                logout(provider);
            }
        }
        if (!any) {
            throw new TokenException("NO_TOKEN", "Không thấy thiết bị ký (USB token) nào cắm vào máy.", null);
        }
        return list();
    }

    /**
     * Opens the key of certificate {@code id} with {@code pin}, signs every element of {@code data}
     * (SHA256withRSA / SHA256withECDSA) and logs out again.
     */
    public List<byte[]> signAll(String id, char[] pin, List<byte[]> data) throws TokenException {
        Read token;
        synchronized (this) {
            token = read.get(id);
        }
        if (token != null) {
            Provider provider = provider(token.slot());
            try {
                return sign(login(provider, pin), id, null, provider, data);
            } catch (GeneralSecurityException | RuntimeException e) {
                throw new TokenException("TOKEN_FAILED", "Thiết bị ký không ký được: " + e.getMessage()
                        + " (thiết bị đã bị rút ra?)", e);
            } finally {
                logout(provider);
            }
        }
        for (Path file : pkcs12Files) {
            if (companionChain(file).map(c -> fingerprint(c.get(0)).equals(id)).orElse(false)) {
                try (var in = Files.newInputStream(file)) {
                    KeyStore store = KeyStore.getInstance("PKCS12");
                    try {
                        store.load(in, pin);
                    } catch (IOException e) {
                        throw new TokenException("WRONG_PIN", "Mật khẩu của tệp " + file.getFileName() + " không đúng.", e);
                    }
                    return sign(store, id, pin, null, data);
                } catch (GeneralSecurityException | IOException e) {
                    throw new TokenException("TOKEN_FAILED", "Không ký được bằng tệp " + file.getFileName() + ": "
                            + e.getMessage(), e);
                }
            }
        }
        throw new TokenException("NO_SUCH_CERTIFICATE", "Không thấy chứng thư số đã chọn trên thiết bị ký đang cắm vào máy "
                + "(thiết bị đã bị rút ra?).", null);
    }

    /** Logs in with {@code pin}, checked by the token every time (a session left logged in is closed first). */
    private static KeyStore login(Provider provider, char[] pin) throws GeneralSecurityException, TokenException {
        KeyStore store = KeyStore.getInstance("PKCS11", provider);
        logout(provider);
        try {
            store.load(null, pin);
        } catch (IOException e) {
            throw wrongPinOr(e);
        }
        return store;
    }

    private static List<byte[]> sign(KeyStore store, String id, char[] password, Provider provider, List<byte[]> data)
            throws GeneralSecurityException, TokenException {
        for (String alias : Collections.list(store.aliases())) {
            Certificate c = store.getCertificate(alias);
            if (store.isKeyEntry(alias) && c instanceof X509Certificate x && fingerprint(x).equals(id)) {
                PrivateKey key = (PrivateKey) store.getKey(alias, password);
                String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
                List<byte[]> values = new ArrayList<>();
                for (byte[] d : data) {
                    Signature s = provider == null ? Signature.getInstance(algorithm)
                            : Signature.getInstance(algorithm, provider);
                    s.initSign(key);
                    s.update(d);
                    values.add(s.sign());
                }
                return values;
            }
        }
        throw new TokenException("NO_SUCH_CERTIFICATE", "Thiết bị ký không có khóa riêng của chứng thư số đã chọn.", null);
    }

    private static TokenException wrongPinOr(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LoginException || String.valueOf(t.getMessage()).contains("CKR_PIN_INCORRECT")) {
                return new TokenException("WRONG_PIN", "Mã PIN của thiết bị ký không đúng.", e);
            }
            if (String.valueOf(t.getMessage()).contains("CKR_PIN_LOCKED")) {
                return new TokenException("PIN_LOCKED", "Thiết bị ký đã bị khóa vì nhập sai mã PIN quá nhiều lần; "
                        + "hãy liên hệ tổ chức cấp chứng thư số để mở khóa.", e);
            }
        }
        return new TokenException("TOKEN_FAILED", "Không đăng nhập được thiết bị ký: " + e.getMessage(), e);
    }

    private static void logout(Provider provider) {
        if (provider instanceof AuthProvider auth) {
            try {
                auth.logout();
            } catch (LoginException e) {
                // already logged out (the token was unplugged)
            }
        }
    }

    private static Optional<List<X509Certificate>> chain(KeyStore store, String alias) throws GeneralSecurityException {
        if (!(store.getCertificate(alias) instanceof X509Certificate)) {
            return Optional.empty();
        }
        Certificate[] certificates = store.getCertificateChain(alias);
        List<X509Certificate> chain = new ArrayList<>();
        if (certificates == null) {
            if (!store.isCertificateEntry(alias) || isCa((X509Certificate) store.getCertificate(alias))) {
                return Optional.empty();
            }
            chain.add((X509Certificate) store.getCertificate(alias)); // a person's certificate whose key needs the PIN
        } else {
            for (Certificate c : certificates) {
                chain.add((X509Certificate) c);
            }
        }
        return Optional.of(chain);
    }

    private static boolean isCa(X509Certificate certificate) {
        return certificate.getBasicConstraints() >= 0;
    }

    /** The chain of a PKCS#12 file, from the PEM file beside it ({@code FILE.pem}: the certificate first). */
    private static Optional<List<X509Certificate>> companionChain(Path file) {
        Path pem = file.resolveSibling(file.getFileName().toString().replaceFirst("\\.p12$|\\.pfx$", "") + ".pem");
        if (!Files.exists(pem)) {
            return Optional.empty();
        }
        try (var in = Files.newInputStream(pem)) {
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : java.security.cert.CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                chain.add((X509Certificate) c);
            }
            return chain.isEmpty() ? Optional.empty() : Optional.of(chain);
        } catch (GeneralSecurityException | IOException e) {
            return Optional.empty();
        }
    }

    private static Provider provider(Pkcs11Slot slot) {
        return Pkcs11Credential.provider(slot.module(), slot.slotListIndex());
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
