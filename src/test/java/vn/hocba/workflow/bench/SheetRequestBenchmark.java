package vn.hocba.workflow.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.support.PostgresCpu;
import vn.hocba.support.ThreadCpu;

/**
 * The subject teachers' sheet requests ({@code POST .../year-documents/subject-sheet/signature}) of a school of
 * several classes, class after class: each class is taken through the year up to its documents (not timed), the JIT
 * compilers are let finish what those stages queued, then its teachers sign one request at a time, timed one by one.
 * Printed per class (with the UTC times of its first and last request, to cut a JFR recording to them): the
 * requests' wall, the JVM's CPU, the CPU by kind of thread ({@link ThreadCpu}: requests, record threads, JIT, GC+VM,
 * other = the benchmark's HTTP client and the rest; the client thread also alone) and PostgreSQL's CPU
 * ({@link PostgresCpu}), all divided by the number of requests; then the medians of the classes after the first
 * (which warms the JIT up). Arguments: classes (default 5), students per class (default 40). Not a test; see
 * bench/README.
 */
public final class SheetRequestBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        int classes = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String students = args.length > 1 ? args[1] : "40";
        try (BenchSchool school = BenchSchool.start("bench_sheet_requests", "--hocba.demo.classes=" + classes,
                "--hocba.demo.students-per-class=" + students)) {
            school.completeMarks();
            school.issueSigningKeys();
            PostgresCpu postgres = PostgresCpu.of(school.bean(JdbcClient.class));
            long pid = ProcessHandle.current().pid();
            List<Map<String, Double>> rows = new ArrayList<>();
            for (SchoolClass schoolClass : school.classes()) {
                ClassYearSteps steps = new ClassYearSteps(school, schoolClass.id().value(), schoolClass.code());
                steps.closeTerm(1);
                steps.closeTerm(2);
                steps.closeYear();
                steps.generateDocuments();
                awaitQuietCompilers(pid);
                System.out.printf(Locale.ROOT, "class %s: requests from %s%n", schoolClass.code(), Instant.now());
                Map<String, Double> row = new TreeMap<>();
                int requests = 0;
                while (true) {
                    Map<String, Double> threads = ThreadCpu.of(pid);
                    double pg = postgres.seconds();
                    long jvm = SchoolRun.cpuNanos();
                    long client = THREADS.getCurrentThreadCpuTime();
                    long wall = System.nanoTime();
                    if (!steps.signNextSubjectSheet()) {
                        break;
                    }
                    requests++;
                    row.merge("wall", (System.nanoTime() - wall) / 1e6, Double::sum);
                    row.merge("JVM", (SchoolRun.cpuNanos() - jvm) / 1e6, Double::sum);
                    row.merge("client thread", (THREADS.getCurrentThreadCpuTime() - client) / 1e6, Double::sum);
                    row.merge("PostgreSQL", (postgres.seconds() - pg) * 1000, Double::sum);
                    ThreadCpu.minus(ThreadCpu.of(pid), threads)
                            .forEach((kind, s) -> row.merge(kind, s * 1000, Double::sum));
                }
                int n = requests;
                row.replaceAll((k, v) -> v / n);
                rows.add(row);
                System.out.printf(Locale.ROOT, "class %s: %d requests until %s, per request ms: %s (load %.2f)%n",
                        schoolClass.code(), n, Instant.now(), describe(row),
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
            if (rows.size() > 1) {
                System.out.printf(Locale.ROOT, "median of classes 2..%d, per request ms: %s%n", rows.size(),
                        describe(medians(rows.subList(1, rows.size()))));
            }
        }
    }

    /**
     * Waits (at most 30 s) until the JIT threads stop using CPU: compilations queued by the stages before the sheets
     * would otherwise run during, and be counted in, the timed requests.
     */
    private static void awaitQuietCompilers(long pid) {
        double previous = ThreadCpu.of(pid).getOrDefault("JIT", 0.0);
        for (int i = 0; i < 60; i++) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            double now = ThreadCpu.of(pid).getOrDefault("JIT", 0.0);
            if (now - previous < 0.02) {
                return;
            }
            previous = now;
        }
    }

    private static String describe(Map<String, Double> row) {
        StringBuilder out = new StringBuilder();
        row.forEach((k, v) -> out.append(out.isEmpty() ? "" : ", ").append(k).append(' ')
                .append(String.format(Locale.ROOT, "%.1f", v)));
        return out.toString();
    }

    private static Map<String, Double> medians(List<Map<String, Double>> rows) {
        Map<String, Double> result = new TreeMap<>();
        rows.get(0).keySet().forEach(k -> {
            double[] sorted = rows.stream().mapToDouble(r -> r.getOrDefault(k, 0.0)).sorted().toArray();
            int n = sorted.length;
            result.put(k, n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2);
        });
        return result;
    }
}
