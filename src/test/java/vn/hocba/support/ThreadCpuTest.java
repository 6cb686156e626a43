package vn.hocba.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The benchmarks' per-thread-kind CPU: read from this JVM's own threads. */
class ThreadCpuTest {

    @Test
    void aBusyThreadOfThisJvmIsCountedAndTheKindsAddUpToAtMostTheProcessTotal() throws Exception {
        Map<String, Double> before = ThreadCpu.of(ProcessHandle.current().pid());
        AtomicBoolean stop = new AtomicBoolean();
        Thread busy = new Thread(() -> spin(stop), "hocba-render-test");
        busy.start();
        // Read while it still runs (an ended thread's time is no longer under /proc/<pid>/task), until the kernel has
        // counted one of its ticks: on a loaded machine the thread may wait for a core longer than any fixed sleep.
        Map<String, Double> during = Map.of();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline && during.getOrDefault("render pool", 0.0) <= 0) {
            Thread.sleep(20);
            during = ThreadCpu.minus(ThreadCpu.of(ProcessHandle.current().pid()), before);
        }
        stop.set(true);
        busy.join();
        double total = ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos() / 1e9;

        assertThat(during.get("render pool")).as("the render thread's spin").isPositive();
        assertThat(ThreadCpu.of(ProcessHandle.current().pid()).values().stream().mapToDouble(Double::doubleValue).sum())
                .isLessThanOrEqualTo(total + 0.05);
    }

    @Test
    void threadsAreSortedIntoKindsByTheNamesTheJvmAndTheApplicationGiveThem() {
        assertThat(ThreadCpu.kindOf("C2 CompilerThre")).isEqualTo("JIT");
        assertThat(ThreadCpu.kindOf("GC Thread#1")).isEqualTo("GC+VM");
        assertThat(ThreadCpu.kindOf("http-nio-8080-e")).isEqualTo("requests");
        assertThat(ThreadCpu.kindOf("hocba-records-1")).isEqualTo("record threads");
        assertThat(ThreadCpu.kindOf("camundaTaskExec")).isEqualTo("jobs");
        assertThat(ThreadCpu.kindOf("document-genera")).isEqualTo("generation");
        assertThat(ThreadCpu.kindOf("main")).isEqualTo("other");
    }

    private static void spin(AtomicBoolean stop) {
        long x = 0;
        while (!stop.get()) {
            x += Long.numberOfTrailingZeros(System.nanoTime());
        }
        if (x == 42) {
            System.out.print("");
        }
    }
}
