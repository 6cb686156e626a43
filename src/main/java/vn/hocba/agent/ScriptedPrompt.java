package vn.hocba.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The agent-side test hook ({@code --test-answers FILE}): the PIN, the pairing code and the
 * confirmation are read from a file on the agent's PC at each question (lines {@code pin=…},
 * {@code pairing=…}, {@code confirm=yes|no}), so a test changes the answers while the agent runs.
 * Never from HTTP. Every question asked is kept, for the test to read what the person was shown.
 * A missing line is waited for (up to {@link #THINKING}), as a person takes a moment to type or to decide;
 * a test thereby reads the pairing code from the page first, or stops the agent while it asks.
 */
public final class ScriptedPrompt implements PersonPrompt {

    /** How long a question waits for its answer line to appear in the file. */
    static final java.time.Duration THINKING = java.time.Duration.ofSeconds(20);

    private final Path answers;
    private final List<String> questions = new ArrayList<>();

    public ScriptedPrompt(Path answers) {
        this.answers = answers;
    }

    @Override
    public synchronized Optional<String> pairingCode(String question) {
        questions.add(question);
        return answer("pairing");
    }

    @Override
    public synchronized boolean confirm(String question) {
        questions.add(question);
        return answer("confirm").map("yes"::equals).orElse(false);
    }

    @Override
    public synchronized Optional<char[]> pin(String question) {
        questions.add(question);
        return answer("pin").map(String::toCharArray);
    }

    /** The questions asked so far, oldest first. */
    public synchronized List<String> questions() {
        return List.copyOf(questions);
    }

    private Optional<String> answer(String key) {
        long until = System.nanoTime() + THINKING.toNanos();
        Optional<String> found = read(key);
        while (found.isEmpty() && System.nanoTime() < until) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            found = read(key);
        }
        return found;
    }

    private Optional<String> read(String key) {
        try {
            for (String line : Files.readAllLines(answers, StandardCharsets.UTF_8)) {
                if (line.startsWith(key + "=")) {
                    return Optional.of(line.substring(key.length() + 1).trim());
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
