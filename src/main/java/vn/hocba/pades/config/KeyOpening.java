package vn.hocba.pades.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import vn.hocba.pades.Pkcs11Credential;
import vn.hocba.pades.Pkcs12Credential;
import vn.hocba.pades.SigningCredential;
import vn.hocba.pades.SigningException;
import vn.hocba.pades.config.SigningProperties.CredentialProperties;
import java.util.function.Supplier;

/**
 * Opens one configured credential at start-up (PKCS#12 file read and decrypted, PKCS#11 token
 * logged in, CSC credential looked up), recording a problem that names the property when it cannot.
 */
final class KeyOpening {

    private final ConfigurationProblems problems;
    private final Secrets secrets;
    private final RemoteServices remote;

    KeyOpening(ConfigurationProblems problems, Secrets secrets, RemoteServices remote) {
        this.problems = problems;
        this.secrets = secrets;
        this.remote = remote;
    }

    /** @param property e.g. {@code school-seal} or {@code people.hieutruong} */
    Optional<SigningCredential> open(String property, CredentialProperties settings) {
        if (settings.kind() == null) {
            problems.add(property + ".kind", "thiếu loại khóa: pkcs12 (tệp), pkcs11 (thiết bị ký/HSM) hoặc csc (ký từ xa).");
            return Optional.empty();
        }
        return switch (settings.kind()) {
            case PKCS12 -> pkcs12(property, settings);
            case PKCS11 -> pkcs11(property, settings);
            case CSC -> remote.credential(property, settings);
        };
    }

    private Optional<SigningCredential> pkcs12(String property, CredentialProperties settings) {
        if (!requireFile(property + ".file", settings.file(), "tệp PKCS#12 (.p12) chứa khóa và chứng thư số")) {
            return Optional.empty();
        }
        return secrets.read(problems, property + ".password", settings.passwordEnv(), settings.passwordFile(),
                        "mật khẩu tệp PKCS#12")
                .flatMap(password -> attempt(property + ".file",
                        () -> Pkcs12Credential.open(settings.file(), password, settings.alias())));
    }

    private Optional<SigningCredential> pkcs11(String property, CredentialProperties settings) {
        if (!requireFile(property + ".library", settings.library(), "thư viện PKCS#11 (.so) của nhà cung cấp thiết bị ký")) {
            return Optional.empty();
        }
        int slot = settings.slotListIndex() == null ? 0 : settings.slotListIndex();
        if (slot < 0) {
            problems.add(property + ".slot-list-index", "phải là số từ 0 (thiết bị thứ nhất), không phải " + slot + ".");
            return Optional.empty();
        }
        return secrets.read(problems, property + ".pin", settings.pinEnv(), settings.pinFile(), "mã PIN của thiết bị ký")
                .flatMap(pin -> attempt(property, () -> Pkcs11Credential.open(settings.library(), slot, pin, settings.alias())));
    }

    private boolean requireFile(String property, Path file, String what) {
        if (file == null) {
            problems.add(property, "thiếu đường dẫn tới " + what + ".");
            return false;
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            problems.add(property, "không có tệp " + file + " (" + what + ") hoặc không đọc được.");
            return false;
        }
        return true;
    }

    private Optional<SigningCredential> attempt(String property, Supplier<SigningCredential> opening) {
        try {
            return Optional.of(opening.get());
        } catch (SigningException e) {
            problems.add(property, e.getMessage());
            return Optional.empty();
        }
    }
}
