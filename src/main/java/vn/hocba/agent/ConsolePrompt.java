package vn.hocba.agent;

import java.io.Console;
import java.util.Optional;

/** Asks on the agent's own terminal window (the PIN is read without echo). One question at a time. */
public final class ConsolePrompt implements PersonPrompt {

    private final Console console;

    public ConsolePrompt(Console console) {
        this.console = console;
    }

    @Override
    public synchronized Optional<String> pairingCode(String question) {
        String line = console.readLine("%n%s%nMã ghép nối (Enter để từ chối): ", question);
        return line == null || line.isBlank() ? Optional.empty() : Optional.of(line.trim());
    }

    @Override
    public synchronized boolean confirm(String question) {
        String line = console.readLine("%n%s%nKý? (c/k): ", question);
        return line != null && (line.trim().equalsIgnoreCase("c") || line.trim().equalsIgnoreCase("y"));
    }

    @Override
    public synchronized Optional<char[]> pin(String question) {
        char[] pin = console.readPassword("%s%nMã PIN: ", question);
        return pin == null || pin.length == 0 ? Optional.empty() : Optional.of(pin);
    }
}
