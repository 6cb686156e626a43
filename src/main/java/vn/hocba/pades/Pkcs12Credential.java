package vn.hocba.pades;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/** Opens a PKCS#12 file (development, demonstration, small schools) as a credential. */
public final class Pkcs12Credential {

    private Pkcs12Credential() {
    }

    /** Opens the first key entry of {@code file}. */
    public static SigningCredential open(Path file, char[] password) {
        return open(file, password, null);
    }

    /** Opens the key entry {@code alias} of {@code file}. */
    public static SigningCredential open(Path file, char[] password, String alias) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return KeyStoreCredential.fromStore(store, alias, password, null);
        } catch (IOException | GeneralSecurityException e) {
            throw new SigningException("Không mở được tệp chứng thư số " + file.getFileName()
                    + " (sai mật khẩu hoặc tệp hỏng): " + e.getMessage(), e);
        }
    }
}
