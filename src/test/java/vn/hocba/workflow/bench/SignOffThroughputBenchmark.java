package vn.hocba.workflow.bench;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.support.ApiClient.Reply;

/**
 * Subject sign-off completions per second through the HTTP API: the TermClose HK I of all 8 demo
 * classes is started (one open sign-off task per teaching assignment), then N concurrent clients
 * (1, 4, 16) complete them as their teachers, in a shuffled order. Baselines with the same
 * clients in the same run: {@code GET /api/tasks} (a teacher's inbox) and {@code GET
 * /api/notifications} (an almost empty authenticated request). Between rounds the term closes are
 * deleted and started again. Not a test; see bench/README.md. Argument: rounds per N (default 5).
 */
public final class SignOffThroughputBenchmark {

    /** The client counts, {@code -Dhocba.bench.clients=16} for one (default 1,4,16). */
    private static final int[] CLIENTS = java.util.Arrays.stream(System.getProperty("hocba.bench.clients", "1,4,16")
            .split(",")).mapToInt(n -> Integer.parseInt(n.trim())).toArray();

    record SignOff(String teacher, String path) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        try (BenchSchool school = BenchSchool.start("bench_sign_offs")) {
            school.completeMarks();
            AtomicInteger engineRetries = countConcurrentCompletionRetries();
            List<SignOff> signOffs = signOffs(school);
            signOffs.forEach(s -> school.api.login(s.teacher()));
            System.out.printf("SignOffThroughputBenchmark: %d sign-off tasks of %d classes per round, %d rounds per N "
                    + "after 1 warm-up, %d CPUs, %s%n", signOffs.size(), school.classes().size(), rounds,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
            completeAll(school, signOffs, 4, 0);
            List<String> teachers = signOffs.stream().map(SignOff::teacher).distinct().toList();
            for (int clients : CLIENTS) {
                double[] completions = new double[rounds];
                double[] inbox = new double[rounds];
                double[] empty = new double[rounds];
                int retriesBefore = engineRetries.get();
                for (int r = 0; r < rounds; r++) {
                    completions[r] = completeAll(school, signOffs, clients, r + 1);
                    inbox[r] = requestsPerSecond(school.api, teachers, "/api/tasks", clients, signOffs.size() * 2);
                    empty[r] = requestsPerSecond(school.api, teachers, "/api/notifications", clients, signOffs.size() * 2);
                }
                double c = median(completions);
                double i = median(inbox);
                double e = median(empty);
                System.out.printf("N=%2d  sign-offs %6.1f/s (rounds %s)  GET /api/tasks %6.1f/s  GET /api/notifications %6.1f/s"
                        + "  ratio to /api/tasks %.2f, to /api/notifications %.3f; engine retries on concurrent completion %d%n",
                        clients, c, rates(completions), i, e, c / i, c / e, engineRetries.get() - retriesBefore);
            }
        }
    }

    /** Starts every class's term close HK I, completes all sign-offs with {@code clients} threads; completions per second. */
    private static double completeAll(BenchSchool school, List<SignOff> signOffs, int clients, int round) throws Exception {
        restartTermCloses(school);
        List<SignOff> order = new ArrayList<>(signOffs);
        Collections.shuffle(order, new Random(round));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        long nanos = concurrently(clients, () -> {
            for (int n = next.getAndIncrement(); n < order.size(); n = next.getAndIncrement()) {
                SignOff s = order.get(n);
                Reply reply = school.api.post(s.teacher(), s.path(), "{}");
                while (reply.status() == 409 && reply.detail().contains("cùng lúc")) {
                    conflicts.incrementAndGet(); // the server gave up after its retries: the person tries again
                    reply = school.api.post(s.teacher(), s.path(), "{}");
                }
                if (reply.status() != 200) {
                    throw new IllegalStateException(s + " answered " + reply);
                }
            }
        });
        if (conflicts.get() > 0) {
            System.out.println("  round " + round + ", N=" + clients + ": " + conflicts.get() + " sign-offs answered 409 "
                    + "(too many concurrent completions) and were sent again");
        }
        return signOffs.size() / (nanos / 1e9);
    }

    private static double requestsPerSecond(HttpApi api, List<String> users, String path, int clients, int requests)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        long nanos = concurrently(clients, () -> {
            for (int n = next.getAndIncrement(); n < requests; n = next.getAndIncrement()) {
                Reply reply = api.get(users.get(n % users.size()), path);
                if (reply.status() != 200) {
                    throw new IllegalStateException(path + " answered " + reply);
                }
            }
        });
        return requests / (nanos / 1e9);
    }

    private static long concurrently(int clients, Runnable client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(client));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return System.nanoTime() - start;
        } finally {
            pool.shutdown();
        }
    }

    /** Deletes the running term closes and their sign-offs, then the principal starts HK I of every class again. */
    private static void restartTermCloses(BenchSchool school) {
        RuntimeService runtime = school.bean(RuntimeService.class);
        List<String> running = runtime.createProcessInstanceQuery().processDefinitionKey("TermClose").list().stream()
                .map(p -> p.getId()).toList();
        if (!running.isEmpty()) {
            runtime.deleteProcessInstances(running, "benchmark round", true, true);
        }
        school.bean(JdbcClient.class).sql("delete from sign_off").update();
        for (SchoolClass c : school.classes()) {
            String path = "/api/classes/" + c.id().value() + "/terms/1/close";
            school.runJobs(school.api.expect(201, "hieutruong", path, "{}").body().path("processInstanceId").asText());
        }
    }

    private static List<SignOff> signOffs(BenchSchool school) {
        List<SignOff> signOffs = new ArrayList<>();
        for (SchoolClass c : school.classes()) {
            long classId = c.id().value();
            for (JsonNode t : school.api.get("hieutruong", "/api/classes/" + classId).body().path("teaching")) {
                signOffs.add(new SignOff(t.path("teacher").path("code").asText().toLowerCase(), "/api/classes/" + classId
                        + "/terms/1/subjects/" + t.path("subject").path("id").asLong() + "/sign-off"));
            }
        }
        return signOffs;
    }

    /** Counts the engine-side repeats of {@code ConcurrentCompletion} (its INFO log lines). */
    private static AtomicInteger countConcurrentCompletionRetries() {
        AtomicInteger count = new AtomicInteger();
        Logger logger = (Logger) LoggerFactory.getLogger("vn.hocba.workflow.ConcurrentCompletion");
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        logger.setAdditive(false);
        AppenderBase<ILoggingEvent> counter = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                count.incrementAndGet();
            }
        };
        counter.setContext(logger.getLoggerContext());
        counter.start();
        logger.addAppender(counter);
        return count;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String rates(double[] values) {
        StringBuilder s = new StringBuilder();
        for (double v : values) {
            s.append(s.length() == 0 ? "" : ", ").append(String.format("%.1f", v));
        }
        return s.toString();
    }

    private SignOffThroughputBenchmark() {
    }
}
