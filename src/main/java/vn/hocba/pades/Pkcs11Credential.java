package vn.hocba.pades;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens a key on a PKCS#11 token or HSM (USB tokens of Vietnamese CAs, the school seal's HSM)
 * through the JDK's SunPKCS11 provider.
 *
 * <p>The token is selected by {@code slotListIndex} rather than by slot id, because SoftHSM2 and
 * several USB tokens move to a new random slot id on every initialisation.
 */
public final class Pkcs11Credential {

    private static final Map<String, Provider> PROVIDERS = new ConcurrentHashMap<>();

    private Pkcs11Credential() {
    }

    /**
     * Logs in to the token and opens the key entry {@code alias} (first key entry when null).
     *
     * @param library       the vendor's PKCS#11 module, e.g. {@code /usr/lib/softhsm/libsofthsm2.so}
     * @param slotListIndex index of the token in the list of slots with a token (usually 0)
     */
    public static SigningCredential open(Path library, int slotListIndex, char[] pin, String alias) {
        try {
            Provider provider = provider(library, slotListIndex);
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, pin);
            return KeyStoreCredential.fromStore(store, alias, null, provider);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new SigningException("Không đăng nhập được thiết bị ký " + library.getFileName()
                    + " (khe " + slotListIndex + "): " + e.getMessage()
                    + ". Hãy cắm thiết bị ký và kiểm tra mã PIN.", e);
        }
    }

    /**
     * The SunPKCS11 provider for the module and slot (also used to import keys), configured once
     * per process: the module is initialised once and its sessions are reused.
     */
    public static Provider provider(Path library, int slotListIndex) {
        return PROVIDERS.computeIfAbsent(library.toAbsolutePath() + "#" + slotListIndex,
                key -> configure(library, slotListIndex));
    }

    private static Provider configure(Path library, int slotListIndex) {
        String config = "--name=hocba-" + Math.abs((library.toString() + slotListIndex).hashCode())
                + "\nlibrary=" + library.toAbsolutePath()
                + "\nslotListIndex=" + slotListIndex + "\n";
        return Security.getProvider("SunPKCS11").configure(config);
    }
}
