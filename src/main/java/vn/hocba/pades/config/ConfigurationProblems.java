package vn.hocba.pades.config;

import java.util.ArrayList;
import java.util.List;
import org.springframework.util.unit.DataSize;

/** Collects every problem of a configuration so that one start-up reports all of them. */
final class ConfigurationProblems {

    static final String PREFIX = "hocba.signing.";

    private final List<String> problems = new ArrayList<>();

    /** Records that {@code property} (without the {@code hocba.signing.} prefix) is wrong. */
    void add(String property, String message) {
        problems.add(PREFIX + property + ": " + message);
    }

    /** The limit in bytes; a missing, zero or negative size is a problem (and gives 1 byte: nothing starts anyway). */
    long bytes(String property, DataSize size) {
        if (size == null || size.toBytes() <= 0) {
            problems.add(PREFIX + property + ": phải là một dung lượng dương, ví dụ 1MB.");
            return 1;
        }
        return size.toBytes();
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new SigningConfigurationException(problems);
        }
    }
}
