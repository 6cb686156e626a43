package vn.hocba.gradebook.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds and their nearest-rank percentiles in milliseconds. */
record Latencies(long[] nanos) {

    double percentile(double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    String summary() {
        return String.format("n=%d median %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms", nanos.length, percentile(50),
                percentile(90), percentile(99), percentile(100));
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
