package vn.hocba.gradebook.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * CPU time (user + system) spent by this JVM and by the embedded PostgreSQL server behind a JDBC
 * URL (its postmaster and every backend), read from /proc: what one save really costs the machine,
 * whichever process does the work. Linux only; clock ticks of 10 ms for PostgreSQL's processes.
 */
final class CpuClock {

    private static final long NANOS_PER_TICK = 10_000_000L;

    private final String postmaster;

    private CpuClock(String postmaster) {
        this.postmaster = postmaster;
    }

    /** The clock for the JVM and the PostgreSQL server listening on the port of {@code jdbcUrl}. */
    static CpuClock of(String jdbcUrl) {
        Matcher port = Pattern.compile("//[^:/]+:(\\d+)/").matcher(jdbcUrl);
        if (!port.find()) {
            throw new IllegalArgumentException("No port in " + jdbcUrl);
        }
        String wanted = "\0-p\0" + port.group(1) + "\0";
        return new CpuClock(processes().stream().filter(pid -> read(pid, "cmdline").contains(wanted)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No PostgreSQL server on port " + port.group(1))));
    }

    /** Nanoseconds of CPU used so far by this JVM (every thread: the work, the JIT compiler, the collector). */
    long jvmNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Nanoseconds of CPU used so far by the server's processes alive now. */
    long pgNanos() {
        long ticks = 0;
        for (String pid : processes()) {
            String[] stat = stat(pid);
            if (stat != null && (pid.equals(postmaster) || stat[1].equals(postmaster))) {
                ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
            }
        }
        return ticks * NANOS_PER_TICK;
    }

    /** Fields after the command name: [0] state, [1] ppid, …, [11] utime, [12] stime. */
    private static String[] stat(String pid) {
        String line = read(pid, "stat");
        int end = line.lastIndexOf(')');
        return end < 0 ? null : line.substring(end + 2).split(" ");
    }

    private static List<String> processes() {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            List<String> pids = new ArrayList<>();
            entries.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit)).forEach(pids::add);
            return pids;
        } catch (IOException e) {
            throw new IllegalStateException("/proc is not readable", e);
        }
    }

    private static String read(String pid, String file) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", pid, file)));
        } catch (IOException e) {
            return "";
        }
    }
}
