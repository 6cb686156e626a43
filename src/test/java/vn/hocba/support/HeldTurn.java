package vn.hocba.support;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One turn of a {@code vn.hocba.common.Turns} taken on a thread of its own and held until {@link #close}: what the
 * others asking for a turn meanwhile are told. {@code taker} takes the turn and runs the given work in it.
 */
public final class HeldTurn implements AutoCloseable {

    /** Takes a turn of the bean under test and runs {@code work} in it. */
    public interface Taker {
        void take(Runnable work) throws Exception;
    }

    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final Future<?> held;

    private HeldTurn(Taker taker) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        held = thread.submit(() -> {
            taker.take(() -> {
                holding.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            return null;
        });
        if (!holding.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the turn was not taken within 10 s");
        }
    }

    public static HeldTurn hold(Taker taker) throws InterruptedException {
        return new HeldTurn(taker);
    }

    /** Gives the turn back and waits until its work has ended. */
    @Override
    public void close() throws Exception {
        release.countDown();
        try {
            held.get(10, TimeUnit.SECONDS);
        } finally {
            thread.shutdownNow();
        }
    }
}
