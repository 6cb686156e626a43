package vn.hocba.pades.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reads a password, PIN or token from where the properties point: an environment variable
 * ({@code <name>-env}) or a file ({@code <name>-file}, trailing line break ignored). The value itself
 * is never in the properties.
 */
final class Secrets {

    private final UnaryOperator<String> environment;

    /** @param environment looks an environment variable up ({@code System::getenv} in the application) */
    Secrets(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /**
     * The secret named by {@code property}-env or {@code property}-file; a problem is recorded (and
     * empty returned) when neither or both are given, the variable is unset or the file unreadable.
     */
    Optional<char[]> read(ConfigurationProblems problems, String property, String env, Path file, String what) {
        if ((env == null) == (file == null)) {
            problems.add(property + "-env", (env == null ? "thiếu " : "chỉ dùng một trong hai: ") + property + "-env (tên biến "
                    + "môi trường) hoặc " + property + "-file (tệp) chứa " + what
                    + "; không ghi " + what + " vào tệp cấu hình.");
            return Optional.empty();
        }
        if (env != null) {
            String value = environment.apply(env);
            if (value == null || value.isEmpty()) {
                problems.add(property + "-env", "biến môi trường " + env + " (chứa " + what + ") chưa được đặt.");
                return Optional.empty();
            }
            return Optional.of(value.toCharArray());
        }
        if (!Files.exists(file)) {
            problems.add(property + "-file", "không có tệp " + file + " (chứa " + what + ").");
            return Optional.empty();
        }
        try {
            String value = Files.readString(file, StandardCharsets.UTF_8).replaceAll("\\R+$", "");
            if (value.isEmpty()) {
                problems.add(property + "-file", "tệp " + file + " (chứa " + what + ") rỗng.");
                return Optional.empty();
            }
            return Optional.of(value.toCharArray());
        } catch (IOException e) {
            problems.add(property + "-file", "không đọc được tệp " + file + " (chứa " + what + "): " + e);
            return Optional.empty();
        }
    }
}
