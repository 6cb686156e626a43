package vn.hocba.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU seconds of a JVM's live threads grouped by what they do, read from Linux's {@code /proc/<pid>/task/*}:
 * the JIT compilers, the garbage collector and VM threads, HTTP requests, the process engine's job executor,
 * the render pool, the record threads of the signing steps, the rest. A benchmark compares snapshots taken before
 * and after a stage to say where a second node's extra CPU goes (a fixed cost per JVM such as compiling and
 * collecting, or the work itself).
 * Threads that ended between two snapshots are not counted (the JVM's total still is); empty where there is
 * no {@code /proc}.
 */
public final class ThreadCpu {

    /** Linux's clock ticks per second for {@code /proc} times (USER_HZ, 100 on every common kernel). */
    private static final double TICKS_PER_SECOND = 100.0;

    private ThreadCpu() {
    }

    /** CPU seconds per kind of thread of the process {@code pid}, so far. */
    public static Map<String, Double> of(long pid) {
        Map<String, Double> byKind = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> add(byKind, task));
        } catch (IOException e) {
            return Map.of(); // not Linux, or the process ended
        }
        return byKind;
    }

    /** {@code after} minus {@code before}, kind by kind. */
    public static Map<String, Double> minus(Map<String, Double> after, Map<String, Double> before) {
        Map<String, Double> d = new TreeMap<>();
        after.forEach((kind, s) -> d.put(kind, s - before.getOrDefault(kind, 0.0)));
        return d;
    }

    /** Adds {@code more} into {@code sum}, kind by kind. */
    public static void addInto(Map<String, Double> sum, Map<String, Double> more) {
        more.forEach((kind, s) -> sum.merge(kind, s, Double::sum));
    }

    /** "JIT 12.3, GC+VM 4.0, ..." in seconds, largest first. */
    public static String describe(Map<String, Double> byKind) {
        StringBuilder out = new StringBuilder();
        byKind.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).forEach(e ->
                out.append(out.isEmpty() ? "" : ", ").append(e.getKey()).append(' ')
                        .append(String.format("%.1f", e.getValue())));
        return out.toString();
    }

    private static void add(Map<String, Double> byKind, Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            // "pid (comm) state ..." where comm may hold spaces and parentheses: the fields follow the last ')'.
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
            byKind.merge(kindOf(name), seconds, Double::sum);
        } catch (IOException | RuntimeException e) {
            // the thread ended while we read it: its time is in the process total only
        }
    }

    /** The kind of a thread by the (15-character) name Linux keeps. */
    static String kindOf(String name) {
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            return "JIT";
        }
        if (name.startsWith("GC ") || name.startsWith("G1 ") || name.startsWith("VM ")) {
            return "GC+VM";
        }
        if (name.startsWith("http-nio")) {
            return "requests";
        }
        if (name.startsWith("camundaTaskExec")) {
            return "jobs";
        }
        if (name.startsWith("hocba-render")) {
            return "render pool";
        }
        if (name.startsWith("hocba-records")) {
            return "record threads";
        }
        if (name.startsWith("document-gen")) {
            return "generation";
        }
        return "other";
    }
}
