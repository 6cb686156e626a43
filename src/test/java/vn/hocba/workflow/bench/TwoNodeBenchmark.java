package vn.hocba.workflow.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import vn.hocba.support.ThreadCpu;

/**
 * Issue 19 item 4: 1 node and 2 nodes on one PostgreSQL, in the same run ({@link NodeCluster}: child
 * JVMs with their job executors on, one database, one S3 bucket). For each node count, on a fresh
 * database: the sign-off throughput ({@link NodeSignOffs}, 16 clients, round robin over the nodes) and
 * the whole demo school (8 classes) from complete marks to 8 archived packages, every stage for all
 * classes at once (a school's people work in parallel), requests round robin, jobs run by the nodes'
 * executors; then {@link NodeChecks} (nothing twice, one owner per job, one node per generation run, no
 * incident). Prints, after every round, medians for 1 and 2 nodes and their ratio, with the load average
 * and each node's JVM CPU; odd rounds start with 1 node, even rounds with 2. Not a test; see bench/README.md.
 * Arguments: sign-off rounds (default 3; 0: none; measured in the first whole-school round's clusters),
 * whole-school rounds (default 1; each a fresh database and fresh nodes per node count), then {@code sign-offs}
 * (no whole-school run) or anything else (e.g. {@code both}), and the number of classes ({@code hocba.demo.classes},
 * default the demo's 8). {@code -Dhocba.bench.nodes=N}: that node count only.
 * Exit status 1 when a check failed.
 */
public final class TwoNodeBenchmark {

    private static final int[] NODES = {1, 2};

    /** The whole-school run's stages, in order. */
    private static final List<String> STAGES = List.of("term close I", "term close II", "year end", "document generation",
            "subject sheets", "sheets LT/LTA + transcripts", "homeroom signing", "principal + seal + LT/LTA + export job",
            "clerk download + archived");

    record SchoolResult(double wallSeconds, double nodeCpuSeconds, Map<String, Double> stageSeconds, double[] cpuPerNode,
            Map<String, Double> cpuByThreadKind, double loadBefore, double loadAfter) {
    }

    public static void main(String[] args) throws Exception {
        int signOffRounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int schoolRounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        boolean wholeSchool = args.length <= 2 || !args[2].equals("sign-offs");
        String[] size = args.length > 3 ? new String[] {"--hocba.demo.classes=" + args[3]} : new String[0];
        // -Dhocba.bench.nodes=2: that node count only (to finish a run that stopped after its other half)
        int only = Integer.getInteger("hocba.bench.nodes", 0);
        System.out.printf("TwoNodeBenchmark: %d sign-off rounds, %d whole-school rounds per node count; %d CPUs, load "
                + "average %.1f, %s%n", signOffRounds, schoolRounds, Runtime.getRuntime().availableProcessors(), load(),
                System.getProperty("java.vm.version"));
        long began = System.nanoTime();
        Map<Integer, List<NodeSignOffs.Round>> signOffs = new TreeMap<>();
        Map<Integer, List<SchoolResult>> schools = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int round = 1; round <= schoolRounds; round++) {
            // odd rounds 1 node first, even rounds 2 nodes first: a change of the machine's load hits both alike
            for (int nodes : only > 0 ? new int[] {only} : round % 2 == 1 ? NODES : new int[] {NODES[1], NODES[0]}) {
                System.out.printf("== %d node(s), round %d (load average %.1f)%n", nodes, round, load());
                try (NodeCluster cluster = NodeCluster.start(nodes, "bench_nodes_" + nodes + "_" + round, size)) {
                    List<NodeYearSteps> classes = classes(cluster);
                    if (round == 1 && signOffRounds > 0) {
                        NodeSignOffs bench = new NodeSignOffs(cluster, classes);
                        System.out.printf("  sign-offs: %d tasks per round, %d clients (load average %.1f)%n", bench.size(),
                                NodeSignOffs.CLIENTS, load());
                        double[] cpu = cluster.cpuSecondsPerNode();
                        signOffs.put(nodes, bench.run(signOffRounds));
                        System.out.printf("  sign-off rounds done (load average %.1f); JVM CPU-s per node during them "
                                + "(warm-up and restarts included): %s%n", load(), Arrays.toString(minus(
                                        cluster.cpuSecondsPerNode(), cpu)));
                    }
                    if (!wholeSchool) {
                        continue;
                    }
                    Map<String, byte[]> packages = new ConcurrentHashMap<>();
                    String run = nodes + " node(s), round " + round + ": ";
                    try {
                        SchoolResult school = school(cluster, classes, packages);
                        schools.computeIfAbsent(nodes, n -> new ArrayList<>()).add(school);
                        System.out.printf("  whole school: %.1f s wall, nodes' CPU %.1f s, per node %s (load average "
                                + "%.1f -> %.1f)%n", school.wallSeconds(), school.nodeCpuSeconds(),
                                Arrays.toString(school.cpuPerNode()), school.loadBefore(), school.loadAfter());
                        System.out.println("  nodes' CPU-s by thread kind (live threads): "
                                + ThreadCpu.describe(school.cpuByThreadKind()));
                    } catch (Exception e) {
                        // the checks below still say what the stopped run left; the other node count still runs
                        System.out.println("  WHOLE SCHOOL STOPPED: " + e);
                        failures.add(run + "the whole school stopped: " + e);
                    }
                    List<String> failed = NodeChecks.check(cluster, classes, packages);
                    System.out.println(failed.isEmpty() ? "  checks: all passed" : "  CHECKS FAILED: " + failed);
                    failed.forEach(f -> failures.add(run + f));
                }
            }
            summary(signOffs, schools);
        }
        System.out.printf("TwoNodeBenchmark done in %.1f min (load average %.1f)%n", (System.nanoTime() - began) / 6e10,
                load());
        if (!failures.isEmpty()) {
            System.out.println("FAILED CHECKS:");
            failures.forEach(f -> System.out.println("  " + f));
        }
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    private static List<NodeYearSteps> classes(NodeCluster cluster) {
        cluster.login("hieutruong");
        return cluster.jdbc.sql("select id, code from school_class order by code").query((rs, n) ->
                new NodeYearSteps(cluster, rs.getLong(1), rs.getString(2))).list();
    }

    private static SchoolResult school(NodeCluster cluster, List<NodeYearSteps> classes, Map<String, byte[]> packages)
            throws Exception {
        Map<String, Double> stages = new LinkedHashMap<>();
        double cpu = cluster.cpuSeconds();
        double[] perNode = cluster.cpuSecondsPerNode();
        Map<String, Double> byKind = cluster.cpuSecondsByThreadKind();
        double loadBefore = load();
        long start = System.nanoTime();
        stage(stages, STAGES.get(0), classes, c -> c.closeTerm(1));
        stage(stages, STAGES.get(1), classes, c -> c.closeTerm(2));
        stage(stages, STAGES.get(2), classes, NodeYearSteps::closeYear);
        stage(stages, STAGES.get(3), classes, NodeYearSteps::generateDocuments);
        stage(stages, STAGES.get(4), classes, NodeYearSteps::signSubjectSheets);
        stage(stages, STAGES.get(5), classes, NodeYearSteps::generateTranscripts);
        stage(stages, STAGES.get(6), classes, NodeYearSteps::homeroomSigns);
        stage(stages, STAGES.get(7), classes, NodeYearSteps::principalSignsAndJobsRun);
        stage(stages, STAGES.get(8), classes, c -> packages.put(c.classCode(), c.export()));
        return new SchoolResult((System.nanoTime() - start) / 1e9, cluster.cpuSeconds() - cpu, stages,
                minus(cluster.cpuSecondsPerNode(), perNode), ThreadCpu.minus(cluster.cpuSecondsByThreadKind(), byKind),
                loadBefore, load());
    }

    private static double[] minus(double[] after, double[] before) {
        double[] d = new double[after.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.round((after[i] - before[i]) * 10) / 10.0;
        }
        return d;
    }

    /** Runs {@code step} for every class at once (one client thread per class) and records the stage's wall time. */
    private static void stage(Map<String, Double> stages, String name, List<NodeYearSteps> classes,
            Consumer<NodeYearSteps> step) throws Exception {
        List<NodeYearSteps> queue = new ArrayList<>(classes);
        AtomicInteger next = new AtomicInteger();
        long nanos = NodeSignOffs.concurrently(classes.size(), () -> step.accept(queue.get(next.getAndIncrement())));
        stages.put(name, nanos / 1e9);
        System.out.printf("    %-40s %7.1f s  (load average %.1f)%n", name, nanos / 1e9, load());
    }

    private static void summary(Map<Integer, List<NodeSignOffs.Round>> signOffs, Map<Integer, List<SchoolResult>> schools) {
        System.out.printf("%nSUMMARY (medians; load average now %.1f)%n", load());
        if (signOffs.size() == NODES.length) {
            double[] rate = new double[NODES.length];
            for (int i = 0; i < NODES.length; i++) {
                List<NodeSignOffs.Round> rounds = signOffs.get(NODES[i]);
                rate[i] = median(rounds.stream().mapToDouble(NodeSignOffs.Round::perSecond).toArray());
                System.out.printf("sign-offs, %d node(s): %.1f/s (rounds %s), GET /api/tasks %.1f/s, nodes' CPU %.0f ms per "
                        + "sign-off%n", NODES[i], rate[i], Arrays.toString(rounds.stream()
                                .mapToDouble(r -> Math.round(r.perSecond() * 10) / 10.0).toArray()),
                        median(rounds.stream().mapToDouble(NodeSignOffs.Round::inboxPerSecond).toArray()),
                        median(rounds.stream().mapToDouble(NodeSignOffs.Round::cpuMsPerSignOff).toArray()));
            }
            System.out.printf("sign-offs, 2 nodes / 1 node: %.2f%n", rate[1] / rate[0]);
        }
        if (schools.size() == NODES.length && schools.get(1).size() == schools.get(2).size()) {
            double[] wall = new double[NODES.length];
            for (int i = 0; i < NODES.length; i++) {
                List<SchoolResult> runs = schools.get(NODES[i]);
                wall[i] = median(runs.stream().mapToDouble(SchoolResult::wallSeconds).toArray());
                System.out.printf("whole school, %d node(s): %.1f s wall (runs %s), nodes' CPU %.1f s (runs %s)%n", NODES[i],
                        wall[i], Arrays.toString(runs.stream().mapToDouble(r -> Math.round(r.wallSeconds() * 10) / 10.0)
                                .toArray()), median(runs.stream().mapToDouble(SchoolResult::nodeCpuSeconds).toArray()),
                        Arrays.toString(runs.stream().mapToDouble(r -> Math.round(r.nodeCpuSeconds() * 10) / 10.0)
                                .toArray()));
            }
            for (String stage : STAGES) {
                double one = median(schools.get(1).stream().mapToDouble(r -> r.stageSeconds().get(stage)).toArray());
                double two = median(schools.get(2).stream().mapToDouble(r -> r.stageSeconds().get(stage)).toArray());
                System.out.printf("  %-40s 1 node %7.1f s   2 nodes %7.1f s   ratio %.2f%n", stage, one, two, one / two);
            }
            System.out.printf("whole school, speed-up 2 nodes over 1 node (wall 1 / wall 2): %.2f%n", wall[0] / wall[1]);
        }
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private TwoNodeBenchmark() {
    }
}
