package vn.hocba.agent;

import java.util.Optional;

/**
 * How the agent asks the person at the PC: to pair a web origin (by typing the code the page shows),
 * to confirm a batch and to type the token's PIN. Never reached from the web page.
 */
public interface PersonPrompt {

    /** The pairing code the person types after reading {@code question}; empty when they decline. */
    Optional<String> pairingCode(String question);

    /** True when the person confirms signing what {@code question} describes. */
    boolean confirm(String question);

    /** The PIN typed for {@code question}; empty when the person cancels. */
    Optional<char[]> pin(String question);
}
