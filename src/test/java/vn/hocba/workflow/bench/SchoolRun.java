package vn.hocba.workflow.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The wall times of one benchmark run of the whole school: per stage and class, and in all. */
final class SchoolRun {

    private final List<String> classes;
    private final Duration startup;
    private final Duration marks;
    private final Map<Stage, Map<String, Duration>> times = new EnumMap<>(Stage.class);
    private Duration wall;

    SchoolRun(List<String> classes, Duration startup, Duration marks) {
        this.classes = classes;
        this.startup = startup;
        this.marks = marks;
    }

    void record(Stage stage, String schoolClass, Duration time) {
        times.computeIfAbsent(stage, s -> new HashMap<>()).merge(schoolClass, time, Duration::plus);
    }

    void wall(Duration wall) {
        this.wall = wall;
    }

    double seconds(Stage stage, String schoolClass) {
        return times.getOrDefault(stage, Map.of()).getOrDefault(schoolClass, Duration.ZERO).toNanos() / 1e9;
    }

    double stageSeconds(Stage stage) {
        return classes.stream().mapToDouble(c -> seconds(stage, c)).sum();
    }

    double classSeconds(String schoolClass) {
        return Arrays.stream(Stage.values()).mapToDouble(s -> seconds(s, schoolClass)).sum();
    }

    double wallSeconds() {
        return wall.toNanos() / 1e9;
    }

    void print(PrintStream out) {
        out.printf("application start %.1f s, completing the marks of 8 classes %.1f s (not counted)%n",
                startup.toNanos() / 1e9, marks.toNanos() / 1e9);
        table(List.of(this), out);
    }

    /** The per-stage, per-class medians over the runs, and each stage's share of the whole. */
    static void printMedians(List<SchoolRun> runs, PrintStream out) {
        out.println("median of " + runs.size() + " runs (seconds)");
        table(runs, out);
        double whole = median(runs, SchoolRun::wallSeconds);
        double stagesSum = Arrays.stream(Stage.values()).mapToDouble(s -> median(runs, r -> r.stageSeconds(s))).sum();
        out.printf("whole school wall time: median %.1f s (runs: %s)%n", whole,
                Arrays.toString(runs.stream().mapToDouble(SchoolRun::wallSeconds).map(v -> Math.round(v * 10) / 10.0).toArray()));
        for (Stage stage : Stage.values()) {
            double s = median(runs, r -> r.stageSeconds(stage));
            out.printf("  %-20s %7.2f s  %5.1f %%  (%.2f s per class)%n", stage.label, s, 100 * s / stagesSum,
                    s / runs.get(0).classes.size());
        }
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
        out.println(total.append(String.format("%9.2f", median(runs, SchoolRun::wallSeconds))));
    }

    static double median(List<SchoolRun> runs, ToDoubleFunction<SchoolRun> value) {
        double[] values = runs.stream().mapToDouble(value).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
