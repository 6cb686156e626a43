package vn.hocba.pades;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One SoftHSM2 token for the whole test JVM: SunPKCS11 initialises the module once per process, so
 * the token is made once (in the directory of {@code SOFTHSM2_CONF}, which the build sets for the
 * test JVM) and each test class imports its keys under its own alias.
 */
public final class SoftHsmToken {

    public static final String PIN = "1234";
    private static final List<Path> MODULES = List.of(Path.of("/usr/lib/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"), Path.of("/usr/lib64/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so"));
    private static Path module;

    private SoftHsmToken() {
    }

    /** The PKCS#11 module of a freshly initialised token (slot list index 0, PIN {@link #PIN}). */
    public static synchronized Path module() throws Exception {
        if (module == null) {
            Path found = MODULES.stream().filter(Files::exists).findFirst()
                    .orElseThrow(() -> new AssertionError("SoftHSM2 is not installed (apt-get install softhsm2)"));
            initialise();
            module = found;
        }
        return module;
    }

    /** Copies the first key entry of a PKCS#12 file onto the token as {@code alias}. */
    public static void importKey(Path pkcs12, char[] password, String alias) throws Exception {
        KeyStore file = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(pkcs12)) {
            file.load(in, password);
        }
        String entry = file.aliases().nextElement();
        KeyStore token = KeyStore.getInstance("PKCS11", Pkcs11Credential.provider(module(), 0));
        token.load(null, PIN.toCharArray());
        token.setKeyEntry(alias, (PrivateKey) file.getKey(entry, password), null, file.getCertificateChain(entry));
    }

    private static void initialise() throws Exception {
        Path conf = Path.of(System.getenv("SOFTHSM2_CONF"));
        Path tokens = conf.getParent().resolve("tokens");
        if (Files.exists(tokens)) {
            try (Stream<Path> files = Files.walk(tokens)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(tokens);
        Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n",
                StandardCharsets.US_ASCII);
        ProcessBuilder init = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label", "hocba-test",
                "--so-pin", "12345678", "--pin", PIN).redirectErrorStream(true);
        init.environment().put("SOFTHSM2_CONF", conf.toString());
        Process process = init.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }
}
