package vn.hocba.agent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the PKCS#11 modules of the USB tokens common in Vietnamese schools are installed by their
 * vendors' drivers (README "Ký số bằng USB token"). Used when the agent is started without
 * {@code --pkcs11}: every module found on the PC is tried.
 */
public final class TokenModules {

    /** Module paths by vendor, Windows first. */
    public static final List<String> KNOWN = List.of(
            "C:\\Windows\\System32\\vnpt-ca_csp11.dll",          // VNPT-CA (SafeNet-based tokens: eTPKCS11.dll)
            "C:\\Windows\\System32\\eTPKCS11.dll",               // SafeNet eToken (VNPT-CA, FPT-CA)
            "C:\\Windows\\System32\\viettel-ca_v6.dll",          // Viettel-CA
            "C:\\Windows\\System32\\ShuttleCsp11_3003.dll",      // Viettel-CA / FPT-CA (ePass / Shuttle tokens)
            "C:\\Windows\\System32\\ngp11v211.dll",              // ePass2003 (several CAs)
            "C:\\Windows\\System32\\BkavCA.dll",                 // BkavCA
            "C:\\Windows\\System32\\vgca_csp11.dll",             // Ban Cơ yếu Chính phủ (VGCA)
            "/usr/lib/libeTPkcs11.so",                           // SafeNet on Linux
            "/usr/lib/libcastle.so.1.0.0",                       // ePass2003 on Linux
            "/usr/lib/softhsm/libsofthsm2.so",                   // SoftHSM2 (development)
            "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so");

    private TokenModules() {
    }

    /** The known modules present on this PC. */
    public static List<Path> installed() {
        return KNOWN.stream().map(Path::of).filter(Files::isRegularFile).toList();
    }
}
