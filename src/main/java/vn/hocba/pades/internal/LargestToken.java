package vn.hocba.pades.internal;

import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The size of the largest time-stamp token a TSA has returned so far: a signature's reserved {@code /Contents}
 * must hold the token still to come, and a TSA's tokens differ from one another by a few bytes only.
 * Thread-safe; per process (a size, not data: nothing is served from it).
 */
public final class LargestToken {

    private final AtomicInteger bytes = new AtomicInteger();

    /** Notes the size of {@code token}, returned as it is. */
    public byte[] noted(byte[] token) {
        bytes.accumulateAndGet(token.length, Math::max);
        return token;
    }

    /** Empty until a token was noted. */
    public OptionalInt size() {
        int largest = bytes.get();
        return largest == 0 ? OptionalInt.empty() : OptionalInt.of(largest);
    }
}
