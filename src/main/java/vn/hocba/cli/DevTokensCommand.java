package vn.hocba.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ConfigurableApplicationContext;
import vn.hocba.agent.TokenModules;
import vn.hocba.audit.Actor;
import vn.hocba.pades.CertificateNames;
import vn.hocba.pades.Pkcs11Credential;
import vn.hocba.pades.devpki.DevelopmentPki;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.security.Accounts;
import vn.hocba.signing.registry.CertificateChains;
import vn.hocba.signing.registry.CertificateRegistry;
import vn.hocba.signing.registry.RegisteredCertificate;

/**
 * {@code dev-tokens [--dir DIR] [--key=value]...}: development mode (README "Ký số bằng USB token"): a
 * SoftHSM2 token {@code hocba-demo} (PIN {@value #PIN}) in {@code DIR} (default
 * {@code $HOCBA_DATA_DIR/softhsm2}) holding, for every account with a staff record, a key and a
 * certificate of the development PKI, each registered for its account; then the whole flow can be tried
 * on one machine with {@code SOFTHSM2_CONF=DIR/softhsm2.conf java -jar hocba.jar agent}. SoftHSM2 reads
 * its configuration from the environment, so the command starts itself again with it.
 */
final class DevTokensCommand implements Subcommand {

    static final String PIN = "1234";
    private static final String LABEL = "hocba-demo";

    @Override
    public String name() {
        return "dev-tokens";
    }

    @Override
    public String usage() {
        return "dev-tokens [--dir DIR]  (phát triển) token SoftHSM2 với chứng thư số đã đăng ký của mọi người trong trường mẫu";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> options = new ArrayList<>(args);
        Path dir = Path.of(Optional.ofNullable(System.getenv("HOCBA_DATA_DIR")).orElse("data"), "softhsm2");
        int at = options.indexOf("--dir");
        if (at >= 0 && at + 1 < options.size()) {
            dir = Path.of(options.get(at + 1));
            options.subList(at, at + 2).clear();
        }
        Optional<Path> module = TokenModules.installed().stream().filter(m -> m.toString().contains("softhsm")).findFirst();
        if (module.isEmpty()) {
            err.println("Chưa cài SoftHSM2 (Debian/Ubuntu: apt-get install softhsm2); không tạo được token phát triển.");
            return 2;
        }
        Path conf = dir.toAbsolutePath().resolve("softhsm2.conf");
        try {
            if (!conf.toString().equals(System.getenv("SOFTHSM2_CONF"))) {
                return prepareAndRestart(dir.toAbsolutePath(), conf, args, out, err);
            }
            return fill(module.get(), options, out);
        } catch (Exception e) {
            err.println("Không tạo được token phát triển: " + (databaseInUse(e)
                    ? "cơ sở dữ liệu H2 (tệp trong HOCBA_DATA_DIR) đang được máy chủ HocBa mở; hãy dừng máy chủ rồi chạy lại "
                    + "dev-tokens (với PostgreSQL thì không cần dừng)." : e.getMessage()));
            return 1;
        }
    }

    /** H2 in a file lets one program open it: the server still running. */
    static boolean databaseInUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("The file is locked")) {
                return true;
            }
        }
        return false;
    }

    /** Makes the token once, then runs this command again with {@code SOFTHSM2_CONF} set. */
    private static int prepareAndRestart(Path dir, Path conf, List<String> args, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        Path tokens = dir.resolve("tokens");
        boolean fresh = !Files.isDirectory(tokens);
        Files.createDirectories(tokens);
        Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n",
                StandardCharsets.US_ASCII);
        if (fresh && exec(List.of("softhsm2-util", "--init-token", "--free", "--label", LABEL, "--so-pin", "12345678",
                "--pin", PIN), conf, out, err) != 0) {
            return 1;
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        Optional<Path> jar = Optional.ofNullable(System.getProperty("java.class.path")).filter(p -> p.endsWith(".jar")
                && !p.contains(java.io.File.pathSeparator)).map(Path::of);
        if (jar.isPresent()) {
            command.addAll(List.of("-jar", jar.get().toString()));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), CommandLine.application().getName()));
        }
        command.add("dev-tokens");
        command.addAll(args);
        return exec(command, conf, out, err);
    }

    private static int exec(List<String> command, Path conf, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SOFTHSM2_CONF", conf.toString());
        Process process = builder.start();
        try (InputStream in = process.getInputStream()) {
            in.transferTo(out);
        }
        return process.waitFor();
    }

    /** In the restarted command: a key and registered certificate per person, skipping those already on the token. */
    private static int fill(Path module, List<String> options, PrintStream out) throws Exception {
        KeyStore token = KeyStore.getInstance("PKCS11", Pkcs11Credential.provider(module, 0));
        token.load(null, PIN.toCharArray());
        int made;
        try (ConfigurableApplicationContext context = OfflineApplication.start(CommandLine.application(), options)) {
            Path pkiDirectory = Path.of(context.getEnvironment().getProperty("hocba.data-dir", "data")).resolve("pki");
            SchoolDirectory directory = context.getBean(SchoolDirectory.class);
            CertificateRegistry registry = context.getBean(CertificateRegistry.class);
            Actor by = new Actor("dev-tokens", "ADMIN_BOARD", "token phát triển");
            List<DevelopmentTokens.Person> people = context.getBean(Accounts.class).all().stream()
                    .filter(a -> a.staffId() != null)
                    .map(a -> new DevelopmentTokens.Person(a.username(), directory.staffMember(a.staffId()).fullName()))
                    .toList();
            made = new DevelopmentTokens(token, context.getBean(DevelopmentPki.class), pkiDirectory).fill(people,
                    (username, chain) -> {
                        registry.register(username, chain, RegisteredCertificate.Purpose.PERSON,
                                RegisteredCertificate.Source.AGENT, by);
                        out.println(username + ": " + CertificateNames.commonName(chain.get(0)) + " — "
                                + CertificateChains.fingerprint(chain.get(0)));
                    }).size();
        }
        out.println("Token SoftHSM2 «" + LABEL + "» (mã PIN " + PIN + "): thêm " + made + " chứng thư số đã đăng ký. "
                + "Chạy phần mềm ký số: SOFTHSM2_CONF=" + System.getenv("SOFTHSM2_CONF") + " java -jar hocba.jar agent "
                + "--pkcs11 " + module);
        return 0;
    }
}
