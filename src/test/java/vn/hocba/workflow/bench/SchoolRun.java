package vn.hocba.workflow.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The times of one benchmark run of the whole school, per stage and class: wall time, and CPU
 * time of the application's JVM (all its threads: request handling, JIT, GC; not PostgreSQL's),
 * which other processes on a shared machine disturb much less than the wall time.
 */
final class SchoolRun {

    private final List<String> classes;
    private final Duration startup;
    private final Duration marks;
    private final Map<Stage, Map<String, Duration>> wall = new EnumMap<>(Stage.class);
    private final Map<Stage, Map<String, Duration>> cpu = new EnumMap<>(Stage.class);
    private final Map<Stage, Duration> stageWall = new EnumMap<>(Stage.class);
    private final Map<Stage, Duration> stageCpu = new EnumMap<>(Stage.class);
    private Duration whole;
    private double load;

    SchoolRun(List<String> classes, Duration startup, Duration marks) {
        this.classes = classes;
        this.startup = startup;
        this.marks = marks;
    }

    /** CPU time of this JVM so far, in nanoseconds. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * A class's time in a stage. Its CPU time counts only when the classes go one after another; with classes in
     * parallel, the stage's own measurement ({@link #recordStage}) gives the CPU time.
     */
    synchronized void record(Stage stage, String schoolClass, Duration wallTime, Duration cpuTime) {
        wall.computeIfAbsent(stage, s -> new HashMap<>()).merge(schoolClass, wallTime, Duration::plus);
        cpu.computeIfAbsent(stage, s -> new HashMap<>()).merge(schoolClass, cpuTime, Duration::plus);
    }

    /** Stages timed apart inside one job (seal, LT/LTA): the job's CPU time is shared in proportion to wall time. */
    synchronized void recordSplit(String schoolClass, Map<Stage, Duration> wallTimes, Duration cpuTime) {
        long total = wallTimes.values().stream().mapToLong(Duration::toNanos).sum();
        wallTimes.forEach((stage, d) -> record(stage, schoolClass, d,
                Duration.ofNanos(total == 0 ? 0 : cpuTime.toNanos() * d.toNanos() / total)));
    }

    /** The elapsed time and JVM CPU time of a whole stage, all classes (one after another or in parallel). */
    synchronized void recordStage(Stage stage, Duration wallTime, Duration cpuTime) {
        stageWall.merge(stage, wallTime, Duration::plus);
        stageCpu.merge(stage, cpuTime, Duration::plus);
    }

    /** Two stages timed inside one loop over the classes (seal, LT/LTA): shared in proportion to the classes' times. */
    synchronized void recordStages(List<Stage> stages, Duration wallTime, Duration cpuTime) {
        double total = stages.stream().mapToDouble(this::classSum).sum();
        for (Stage stage : stages) {
            double part = total == 0 ? 0 : classSum(stage) / total;
            recordStage(stage, Duration.ofNanos(Math.round(wallTime.toNanos() * part)),
                    Duration.ofNanos(Math.round(cpuTime.toNanos() * part)));
        }
    }

    void whole(Duration time) {
        this.whole = time;
        this.load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    double seconds(Stage stage, String schoolClass) {
        return wall.getOrDefault(stage, Map.of()).getOrDefault(schoolClass, Duration.ZERO).toNanos() / 1e9;
    }

    double cpuSeconds(Stage stage, String schoolClass) {
        return cpu.getOrDefault(stage, Map.of()).getOrDefault(schoolClass, Duration.ZERO).toNanos() / 1e9;
    }

    private double classSum(Stage stage) {
        return classes.stream().mapToDouble(c -> seconds(stage, c)).sum();
    }

    /** The stage's elapsed time (with classes in parallel, less than the sum of the classes' times). */
    double stageSeconds(Stage stage) {
        Duration measured = stageWall.get(stage);
        return measured == null ? classSum(stage) : measured.toNanos() / 1e9;
    }

    double stageCpuSeconds(Stage stage) {
        Duration measured = stageCpu.get(stage);
        return measured == null ? classes.stream().mapToDouble(c -> cpuSeconds(stage, c)).sum() : measured.toNanos() / 1e9;
    }

    double classSeconds(String schoolClass) {
        return Arrays.stream(Stage.values()).mapToDouble(s -> seconds(s, schoolClass)).sum();
    }

    double wholeSeconds() {
        return whole.toNanos() / 1e9;
    }

    void print(PrintStream out) {
        out.printf("application start %.1f s, completing the marks of %d classes %.1f s (not counted); load average %.1f%n",
                startup.toNanos() / 1e9, classes.size(), marks.toNanos() / 1e9, load);
        table(List.of(this), out);
        out.printf("this run, all stages: %.1f s wall, %.1f JVM CPU-s%n", wholeSeconds(),
                Arrays.stream(Stage.values()).mapToDouble(this::stageCpuSeconds).sum());
    }

    /** The per-stage, per-class medians over the runs, and each stage's share of the whole (wall and CPU). */
    static void printMedians(List<SchoolRun> runs, PrintStream out) {
        out.println("median of " + runs.size() + " runs, wall seconds");
        table(runs, out);
        double whole = median(runs, SchoolRun::wholeSeconds);
        double wallSum = Arrays.stream(Stage.values()).mapToDouble(s -> median(runs, r -> r.stageSeconds(s))).sum();
        double cpuSum = Arrays.stream(Stage.values()).mapToDouble(s -> median(runs, r -> r.stageCpuSeconds(s))).sum();
        out.printf("whole school wall time: median %.1f s (runs: %s; load averages %s)%n", whole,
                Arrays.toString(runs.stream().mapToDouble(r -> Math.round(r.wholeSeconds() * 10) / 10.0).toArray()),
                Arrays.toString(runs.stream().mapToDouble(r -> Math.round(r.load * 10) / 10.0).toArray()));
        out.printf("%-20s %9s %7s %11s %7s %14s%n", "stage", "wall s", "share", "JVM CPU s", "share", "CPU s / class");
        for (Stage stage : Stage.values()) {
            double w = median(runs, r -> r.stageSeconds(stage));
            double c = median(runs, r -> r.stageCpuSeconds(stage));
            out.printf("%-20s %9.2f %6.1f%% %11.2f %6.1f%% %14.2f%n", stage.label, w, 100 * w / wallSum, c, 100 * c / cpuSum,
                    c / runs.get(0).classes.size());
        }
        out.printf("%-20s %9.2f %7s %11.2f%n", "all stages", wallSum, "", cpuSum);
    }

    private static void table(List<SchoolRun> runs, PrintStream out) {
        List<String> classes = runs.get(0).classes;
        StringBuilder header = new StringBuilder(String.format("%-20s", "stage"));
        classes.forEach(c -> header.append(String.format("%8s", c)));
        out.println(header.append(String.format("%9s", "school")));
        for (Stage stage : Stage.values()) {
            StringBuilder line = new StringBuilder(String.format("%-20s", stage.label));
            classes.forEach(c -> line.append(String.format("%8.2f", median(runs, r -> r.seconds(stage, c)))));
            out.println(line.append(String.format("%9.2f", median(runs, r -> r.stageSeconds(stage)))));
        }
        StringBuilder total = new StringBuilder(String.format("%-20s", "class total"));
        classes.forEach(c -> total.append(String.format("%8.2f", median(runs, r -> r.classSeconds(c)))));
        out.println(total.append(String.format("%9.2f", median(runs, SchoolRun::wholeSeconds))));
    }

    static double median(List<SchoolRun> runs, ToDoubleFunction<SchoolRun> value) {
        double[] values = runs.stream().mapToDouble(value).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
