package vn.hocba.common;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Turns for work that anyone may ask of the server and that holds a core or memory while it runs (a PDF check, a
 * password comparison): at most {@code parallel} at once, first come first served; the next wait up to {@code wait}
 * and are then refused with the caller's "try again later", their work not done.
 */
public final class Turns {

    /** Work done in a turn. */
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    private final Semaphore turns;
    private final Duration wait;

    public Turns(int parallel, Duration wait) {
        this.turns = new Semaphore(parallel, true);
        this.wait = wait;
    }

    /** Runs {@code work} in a turn; throws {@code busy}'s exception when none came within the wait. */
    public <T, E extends Exception> T take(Work<T, E> work, Supplier<? extends RuntimeException> busy) throws E {
        boolean got;
        try {
            got = turns.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy.get();
        }
        if (!got) {
            throw busy.get();
        }
        try {
            return work.run();
        } finally {
            turns.release();
        }
    }
}
