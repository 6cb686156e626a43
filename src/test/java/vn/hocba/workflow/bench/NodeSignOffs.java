package vn.hocba.workflow.bench;

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
import org.camunda.bpm.engine.runtime.ProcessInstance;
import vn.hocba.support.ApiClient.Reply;

/**
 * {@link SignOffThroughputBenchmark}'s measurement on a {@link NodeCluster}: TermClose HK I of every
 * class started (one open sign-off task per teaching assignment), then 16 clients complete them in a
 * shuffled order over HTTP, each request to the next node (round robin); baseline in the same round:
 * {@code GET /api/tasks} with the same clients. Between rounds the term closes are deleted (by an
 * administrator's engine, see {@link NodeCluster#admin}) and started again.
 */
final class NodeSignOffs {

    static final int CLIENTS = 16;

    /** One round: completions per second, inbox requests per second, nodes' CPU milliseconds per sign-off. */
    record Round(double perSecond, double inboxPerSecond, double cpuMsPerSignOff) {
    }

    private record SignOff(String teacher, String path) {
    }

    private final NodeCluster cluster;
    private final List<NodeYearSteps> classes;
    private final List<SignOff> signOffs = new ArrayList<>();

    NodeSignOffs(NodeCluster cluster, List<NodeYearSteps> classes) {
        this.cluster = cluster;
        this.classes = classes;
        for (NodeYearSteps c : classes) {
            for (JsonNode t : cluster.api().get("hieutruong", "/api/classes/" + c.classId()).body().path("teaching")) {
                signOffs.add(new SignOff(t.path("teacher").path("code").asText().toLowerCase(), "/api/classes/"
                        + c.classId() + "/terms/1/subjects/" + t.path("subject").path("id").asLong() + "/sign-off"));
            }
        }
        signOffs.stream().map(SignOff::teacher).distinct().forEach(cluster::login);
        cluster.login("hieutruong");
    }

    int size() {
        return signOffs.size();
    }

    /** A warm-up round with 4 clients, then {@code rounds} rounds with 16; leaves no term close running. */
    List<Round> run(int rounds) throws Exception {
        complete(4, 0);
        List<Round> results = new ArrayList<>();
        List<String> teachers = signOffs.stream().map(SignOff::teacher).distinct().toList();
        for (int r = 1; r <= rounds; r++) {
            double cpu = cluster.cpuSeconds();
            double[] completion = complete(CLIENTS, r);
            double perSecond = completion[0];
            double cpuMs = (cluster.cpuSeconds() - cpu - completion[1]) * 1000 / signOffs.size();
            double inbox = inbox(teachers, signOffs.size() * 2);
            results.add(new Round(perSecond, inbox, cpuMs));
            System.out.printf("  round %d: %.1f sign-offs/s, GET /api/tasks %.1f/s, nodes' CPU %.0f ms per sign-off%n",
                    r, perSecond, inbox, cpuMs);
        }
        clear();
        return results;
    }

    /**
     * Restarts the term closes, completes every sign-off with {@code clients} threads; [completions per
     * second, nodes' CPU seconds spent on restarting (to subtract)].
     */
    private double[] complete(int clients, int round) throws Exception {
        double cpuBefore = cluster.cpuSeconds();
        clear();
        List<String> started = new ArrayList<>();
        for (NodeYearSteps c : classes) {
            Reply reply = cluster.api().post("hieutruong", "/api/classes/" + c.classId() + "/terms/1/close", "{}");
            if (reply.status() != 201) {
                throw new IllegalStateException("term close of " + c.classCode() + " answered " + reply);
            }
            started.add(reply.body().path("processInstanceId").asText());
        }
        started.forEach(cluster::awaitJobs);
        double restartCpu = cluster.cpuSeconds() - cpuBefore;
        List<SignOff> order = new ArrayList<>(signOffs);
        Collections.shuffle(order, new Random(round));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger resent = new AtomicInteger();
        long nanos = concurrently(clients, () -> {
            for (int n = next.getAndIncrement(); n < order.size(); n = next.getAndIncrement()) {
                SignOff s = order.get(n);
                Reply reply = cluster.api().post(s.teacher(), s.path(), "{}");
                while (reply.status() == 409 && reply.detail().contains("cùng lúc")) {
                    resent.incrementAndGet();
                    reply = cluster.api().post(s.teacher(), s.path(), "{}");
                }
                if (reply.status() != 200) {
                    throw new IllegalStateException(s + " answered " + reply);
                }
            }
        });
        if (resent.get() > 0) {
            System.out.println("  round " + round + ": " + resent.get() + " sign-offs answered 409 (too many concurrent "
                    + "completions) and were sent again");
        }
        return new double[] {signOffs.size() / (nanos / 1e9), restartCpu};
    }

    private double inbox(List<String> teachers, int requests) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long nanos = concurrently(CLIENTS, () -> {
            for (int n = next.getAndIncrement(); n < requests; n = next.getAndIncrement()) {
                Reply reply = cluster.api().get(teachers.get(n % teachers.size()), "/api/tasks");
                if (reply.status() != 200) {
                    throw new IllegalStateException("/api/tasks answered " + reply);
                }
            }
        });
        return requests / (nanos / 1e9);
    }

    /** Deletes the running term closes and their sign-offs, as {@link SignOffThroughputBenchmark} does between rounds. */
    private void clear() {
        RuntimeService runtime = cluster.admin().getRuntimeService();
        List<String> running = runtime.createProcessInstanceQuery().processDefinitionKey("TermClose").list().stream()
                .map(ProcessInstance::getId).toList();
        if (!running.isEmpty()) {
            runtime.deleteProcessInstances(running, "benchmark round", true, true);
        }
        cluster.jdbc.sql("delete from sign_off").update();
    }

    static long concurrently(int clients, Runnable client) throws Exception {
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
}
