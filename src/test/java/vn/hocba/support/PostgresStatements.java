package vn.hocba.support;

import java.io.PrintStream;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statements that cost PostgreSQL its time during a benchmark's stage, from the {@code pg_stat_statements}
 * extension that the embedded server loads when {@code -Dhocba.bench.pg-statements=true} (benchmarks only: it adds a
 * little to every statement). {@link #reset} at a stage's start, {@link #printTop} at its end; Camunda's statements
 * are listed with ours. Without the switch both do nothing.
 */
public final class PostgresStatements {

    /** Whether the embedded server loads {@code pg_stat_statements} (read once, before the server starts). */
    static final boolean ENABLED = Boolean.getBoolean("hocba.bench.pg-statements");

    private static final int TOP = Integer.getInteger("hocba.bench.pg-statements.top", 15);
    private static final int QUERY_CHARS = 150;

    private final JdbcClient jdbc;

    private PostgresStatements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The statements of the database {@code jdbc} is connected to; creates the extension there if the switch is on. */
    public static PostgresStatements of(JdbcClient jdbc) {
        if (ENABLED) {
            jdbc.sql("create extension if not exists pg_stat_statements").update();
        }
        return new PostgresStatements(jdbc);
    }

    /** Forgets what the server counted so far (all databases: a benchmark measures one at a time). */
    public void reset() {
        if (ENABLED) {
            jdbc.sql("select pg_stat_statements_reset()").query(Object.class).list();
            jdbc.sql("select pg_stat_reset()").query(Object.class).list();
            jdbc.sql("select pg_stat_reset_shared('wal')").query(Object.class).list();
        }
    }

    /** The top statements since the last {@link #reset} by total execution time, and the totals, under {@code title}. */
    public void printTop(String title, PrintStream out) {
        if (!ENABLED) {
            return;
        }
        List<Object[]> top = jdbc.sql("""
                select calls, total_exec_time, total_plan_time, rows, shared_blks_hit + shared_blks_read,
                       wal_bytes, query
                from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
                  and query not like '%pg_stat_statements%'
                order by total_exec_time + total_plan_time desc limit :top""").param("top", TOP)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getString(7)}).list();
        Object[] all = jdbc.sql("""
                select count(*), coalesce(sum(calls), 0), coalesce(sum(total_exec_time), 0), coalesce(sum(wal_bytes), 0),
                       coalesce(sum(total_plan_time), 0)
                from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
                  and query not like '%pg_stat_statements%'""")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getLong(4),
                        rs.getDouble(5)}).single();
        out.printf("%s: %d statements, %d calls, %.0f ms executing, %.0f ms planning, %.1f MB WAL; top by total time:%n",
                title, all[0], all[1], all[2], all[4], ((Number) all[3]).longValue() / 1e6);
        // Counters of the whole database and server (reset with the statements; backends publish them within 0.5 s).
        Object[] server = jdbc.sql("""
                select d.xact_commit, d.xact_rollback, d.tup_inserted, d.tup_updated, d.tup_deleted, w.wal_records, w.wal_sync
                from pg_stat_database d, pg_stat_wal w where d.datname = current_database()""")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7)}).single();
        out.printf("  transactions %d committed, %d rolled back; rows %d inserted, %d updated, %d deleted; WAL %d records, %d syncs%n",
                server);
        out.printf("  %8s %9s %8s %9s %10s %8s  %s%n", "calls", "exec ms", "plan ms", "rows", "blocks", "WAL kB", "query");
        for (Object[] s : top) {
            String query = ((String) s[6]).replaceAll("\\s+", " ");
            out.printf("  %8d %9.1f %8.3f %9d %10d %8d  %s%n", s[0], s[1], s[2], s[3], s[4], ((Number) s[5]).longValue() / 1024,
                    query.length() > QUERY_CHARS ? query.substring(0, QUERY_CHARS) + "…" : query);
        }
    }
}
