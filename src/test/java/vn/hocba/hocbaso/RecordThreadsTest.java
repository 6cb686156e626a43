package vn.hocba.hocbaso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/**
 * A signing step's records spread over the caller and the helpers: every record done exactly once, the step's
 * failure the one a loop in record order would have thrown, and a step never waiting for a helper busy elsewhere.
 */
class RecordThreadsTest {

    @Test
    void everyRecordIsDoneExactlyOnceOnTheCallerAndTheHelpers() {
        try (RecordThreads threads = new RecordThreads(3)) {
            AtomicIntegerArray done = new AtomicIntegerArray(40);
            Set<String> names = ConcurrentHashMap.newKeySet();
            CountDownLatch helperBegan = new CountDownLatch(1);
            AtomicBoolean callerWaited = new AtomicBoolean();
            threads.forEach(40, i -> {
                done.incrementAndGet(i);
                names.add(Thread.currentThread().getName());
                if (Thread.currentThread().getName().startsWith("hocba-records-")) {
                    helperBegan.countDown();
                } else if (!callerWaited.getAndSet(true)) {
                    // on a loaded machine a helper may take a while to be scheduled: the caller's first record
                    // waits for it (up to 10 s) instead of the step being over before any helper ran
                    await(helperBegan);
                }
                sleep(2);
            });
            for (int i = 0; i < 40; i++) {
                assertThat(done.get(i)).as("record %d", i).isEqualTo(1);
            }
            assertThat(names).contains(Thread.currentThread().getName()).hasSizeGreaterThan(1);
        }
    }

    @Test
    void theFailureThrownIsTheFirstInRecordOrderAndTheOthersAreNotBegunAfterIt() {
        try (RecordThreads threads = new RecordThreads(1)) {
            AtomicIntegerArray begun = new AtomicIntegerArray(40);
            assertThatThrownBy(() -> threads.forEach(40, i -> {
                begun.set(i, 1);
                sleep(i == 3 ? 20 : 1); // the later failure comes first in time
                if (i == 3 || i == 4) {
                    throw new IllegalStateException("record " + i);
                }
            })).isInstanceOf(IllegalStateException.class).hasMessage("record 3");
            int count = 0;
            for (int i = 0; i < 40; i++) {
                count += begun.get(i);
            }
            assertThat(count).as("records begun").isLessThan(40);
        }
    }

    @Test
    void withoutHelpersOrWithTheHelperBusyElsewhereTheCallerDoesEveryRecordItself() throws Exception {
        try (RecordThreads none = new RecordThreads(0)) {
            Set<String> names = ConcurrentHashMap.newKeySet();
            none.forEach(10, i -> names.add(Thread.currentThread().getName()));
            assertThat(names).containsExactly(Thread.currentThread().getName());
        }
        try (RecordThreads one = new RecordThreads(1)) {
            CountDownLatch busy = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread other = new Thread(() -> one.forEach(2, i -> {
                if (Thread.currentThread().getName().startsWith("hocba-records-")) {
                    busy.countDown(); // the helper keeps one of the other step's records
                    await(release);
                } else {
                    await(busy); // the other step's caller leaves the second record to the helper
                }
            }));
            other.start();
            assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
            Set<String> names = ConcurrentHashMap.newKeySet();
            one.forEach(10, i -> names.add(Thread.currentThread().getName()));
            assertThat(names).containsExactly(Thread.currentThread().getName());
            release.countDown();
            other.join(10_000);
            assertThat(other.isAlive()).isFalse();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
