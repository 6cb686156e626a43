package vn.hocba.hocbaso;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntConsumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The threads a signing step spreads its per-record work over (building each slot's signature, finishing it with
 * the credential's value, its time-stamp, writing the record's bytes): the caller's own thread and up to
 * {@code hocba.hocbaso.record-threads} helpers shared by the whole server (default: one per core but the caller's,
 * so a step uses every core; on two cores one helper, since the render pool and the job executor have no work
 * during a signing step of the same class and PostgreSQL waits for the step's end). A record's document is private
 * to its step ({@link RecentRecordDocuments} hands one out once), so no two threads touch the same document; what
 * needs the database, the class's lock or the order of the records stays with the caller, before or after.
 * When the helpers are busy with other steps, the caller does its records alone: a step never waits for a thread.
 */
@Component
class RecordThreads implements AutoCloseable {

    private final int helperCount;
    private final ExecutorService helpers;

    RecordThreads(@Value("${hocba.hocbaso.record-threads:-1}") int helperCount) {
        this.helperCount = helperCount >= 0 ? helperCount : Runtime.getRuntime().availableProcessors() - 1;
        AtomicInteger numbers = new AtomicInteger();
        this.helpers = this.helperCount == 0 ? null : Executors.newFixedThreadPool(this.helperCount, r -> {
            Thread t = new Thread(r, "hocba-records-" + numbers.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs {@code work} for every index below {@code count}, each once, on the caller's thread and the helpers that
     * are free; returns when all are done (what the work wrote is then visible to the caller). When the work fails
     * for an index, no index not yet begun is begun, and the failure of the lowest failed index is thrown: the one a
     * loop in order would have thrown, since every lower index was begun before it and has finished.
     */
    void forEach(int count, IntConsumer work) {
        if (helpers == null || count < 2) {
            for (int i = 0; i < count; i++) {
                work.accept(i);
            }
            return;
        }
        Shared shared = new Shared(count, work);
        List<Helper> asked = new ArrayList<>();
        for (int i = 0; i < Math.min(helperCount, count - 1); i++) {
            Helper helper = new Helper(shared);
            try {
                helpers.execute(helper);
                asked.add(helper);
            } catch (RejectedExecutionException e) {
                break; // shutting down: the caller does the rest
            }
        }
        shared.drain();
        asked.forEach(Helper::withdrawOrAwait);
        shared.throwFirstFailure();
    }

    @Override
    public void close() {
        if (helpers != null) {
            helpers.shutdownNow();
        }
    }

    /** One helper's part in a step: begun by the helper, or withdrawn by the caller before it began. */
    private static final class Helper implements Runnable {
        private final Shared shared;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private final CountDownLatch finished = new CountDownLatch(1);

        Helper(Shared shared) {
            this.shared = shared;
        }

        @Override
        public void run() {
            if (!claimed.compareAndSet(false, true)) {
                return; // withdrawn: the caller did the records while this helper was busy elsewhere
            }
            try {
                shared.drain();
            } finally {
                finished.countDown();
            }
        }

        /** Withdraws the helper if it has not begun, else waits until it is done with this step's documents. */
        void withdrawOrAwait() {
            if (claimed.compareAndSet(false, true)) {
                return;
            }
            boolean interrupted = false;
            while (true) {
                try {
                    finished.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The indices handed out in order, and each index's failure. */
    private static final class Shared {
        private final int count;
        private final IntConsumer work;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicReferenceArray<Throwable> failures;
        private volatile boolean failed;

        Shared(int count, IntConsumer work) {
            this.count = count;
            this.work = work;
            this.failures = new AtomicReferenceArray<>(count);
        }

        void drain() {
            while (!failed) {
                int i = next.getAndIncrement();
                if (i >= count) {
                    return;
                }
                try {
                    work.accept(i);
                } catch (Throwable t) {
                    failures.set(i, t);
                    failed = true;
                }
            }
        }

        void throwFirstFailure() {
            for (int i = 0; i < count; i++) {
                Throwable t = failures.get(i);
                if (t instanceof RuntimeException e) {
                    throw e;
                }
                if (t instanceof Error e) {
                    throw e;
                }
                if (t != null) {
                    throw new IllegalStateException(t);
                }
            }
        }
    }
}
