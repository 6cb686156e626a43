package vn.hocba.pades.config;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a configuration so that one start-up reports all of them. */
final class ConfigurationProblems {

    static final String PREFIX = "hocba.signing.";

    private final List<String> problems = new ArrayList<>();

    /** Records that {@code property} (without the {@code hocba.signing.} prefix) is wrong. */
    void add(String property, String message) {
        problems.add(PREFIX + property + ": " + message);
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
