package vn.hocba.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * CPU seconds of one PostgreSQL server so far, read from Linux's {@code /proc}: its postmaster, the backends alive
 * now, and the backends that ended (their time is added to the postmaster's children's times when it reaps them).
 * A benchmark's JVM CPU leaves the database out; on 2 cores the two together say whether both cores were busy.
 * Zero where there is no {@code /proc}.
 */
public final class PostgresCpu {

    /** Linux's clock ticks per second for {@code /proc} times (USER_HZ, 100 on every common kernel). */
    private static final double TICKS_PER_SECOND = 100.0;

    private final long postmaster;

    private PostgresCpu(long postmaster) {
        this.postmaster = postmaster;
    }

    /** The server {@code jdbc} is connected to: the parent of the backend that answers it. */
    public static PostgresCpu of(JdbcClient jdbc) {
        long backend = jdbc.sql("select pg_backend_pid()").query(Long.class).single();
        return new PostgresCpu(fields(backend).map(f -> Long.parseLong(f[1])).orElse(-1L));
    }

    /** CPU seconds of the server so far. */
    public double seconds() {
        long ticks = fields(postmaster).map(f -> ticks(f, 11) + ticks(f, 12) + ticks(f, 13) + ticks(f, 14)).orElse(0L);
        try (Stream<Path> all = Files.list(Path.of("/proc"))) {
            ticks += all.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .map(p -> fields(Long.parseLong(p.getFileName().toString())))
                    .flatMap(Optional::stream)
                    .filter(f -> Long.parseLong(f[1]) == postmaster)
                    .mapToLong(f -> ticks(f, 11) + ticks(f, 12)).sum();
        } catch (IOException e) {
            return 0;
        }
        return ticks / TICKS_PER_SECOND;
    }

    /**
     * {@link #seconds} by kind of process: "backends" (the connections), each of the server's own processes by its
     * title (checkpointer, walwriter, stats collector, ...), and "ended" (processes that ended: autovacuum workers
     * above all, as the pool keeps its connections), so that a stage's database CPU outside the statements shows.
     */
    public Map<String, Double> byProcess() {
        Map<String, Double> kinds = new TreeMap<>();
        fields(postmaster).ifPresent(f -> {
            kinds.put("postmaster", (ticks(f, 11) + ticks(f, 12)) / TICKS_PER_SECOND);
            kinds.put("ended", (ticks(f, 13) + ticks(f, 14)) / TICKS_PER_SECOND);
        });
        try (Stream<Path> all = Files.list(Path.of("/proc"))) {
            all.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                long pid = Long.parseLong(p.getFileName().toString());
                fields(pid).filter(f -> Long.parseLong(f[1]) == postmaster).ifPresent(f -> kinds.merge(kindOf(pid),
                        (ticks(f, 11) + ticks(f, 12)) / TICKS_PER_SECOND, Double::sum));
            });
        } catch (IOException e) {
            return Map.of();
        }
        return kinds;
    }

    /** "backends" for a connection ("postgres: user database host(port) state"), else the process's title. */
    private static String kindOf(long pid) {
        try {
            String title = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ').trim();
            String kind = title.startsWith("postgres: ") ? title.substring("postgres: ".length()) : title;
            return kind.contains("(") ? "backends" : kind.startsWith("autovacuum worker") ? "autovacuum worker" : kind;
        } catch (IOException e) {
            return "ended";
        }
    }

    private static long ticks(String[] fields, int index) {
        return Long.parseLong(fields[index]);
    }

    /** The fields of {@code /proc/<pid>/stat} after the command name (state is [0], the parent's pid [1]). */
    private static Optional<String[]> fields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return Optional.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not Linux, or the process ended while we read it
        }
    }
}
