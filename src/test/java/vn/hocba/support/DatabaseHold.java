package vn.hocba.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * A PostgreSQL lock held by a test in a transaction of its own, so that a step of a child application
 * cannot end while the test gets ready to kill it: a job cannot commit (its job row is locked: the
 * engine deletes it at the job's end), a signing batch cannot record its next signature (the table is
 * locked against writes). Without it, "kill while X is under way" races X's end on a fast machine.
 * Close it after the kill: the killed node's waiting statement then runs and its transaction is rolled
 * back when PostgreSQL finds the client gone.
 */
public final class DatabaseHold implements AutoCloseable {

    private static final Duration WAIT = Duration.ofMinutes(6);
    private final Connection connection;

    private DatabaseHold(Connection connection) {
        this.connection = connection;
    }

    /**
     * Waits until a node has taken the job of activity {@code activityId} of process instance
     * {@code instance} (its lock owner set), then locks the job's row: the job runs on but cannot commit.
     */
    public static DatabaseHold jobOf(DataSource dataSource, String instance, String activityId) {
        DatabaseHold hold = open(dataSource);
        long deadline = System.nanoTime() + WAIT.toNanos();
        boolean held = false;
        try (PreparedStatement lock = hold.connection.prepareStatement("""
                select j.id_ from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_
                where j.process_instance_id_ = ? and d.act_id_ = ? and j.lock_owner_ is not null for update of j""")) {
            lock.setString(1, instance);
            lock.setString(2, activityId);
            while (!held) {
                try (ResultSet rs = lock.executeQuery()) {
                    held = rs.next();
                }
                if (!held) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("no node took the job of " + activityId + " within " + WAIT);
                    }
                    ChildApplication.pause(20);
                }
            }
            return hold;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            if (!held) {
                hold.close();
            }
        }
    }

    /** Locks {@code table} against writes (waiting for a write under way to commit): a batch stops at its next one. */
    public static DatabaseHold writesTo(DataSource dataSource, String table) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException(table);
        }
        DatabaseHold hold = open(dataSource);
        try (var lock = hold.connection.createStatement()) {
            lock.execute("lock table " + table + " in share mode");
            return hold;
        } catch (SQLException e) {
            hold.close();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until another session waits for this hold's lock on {@code table} (a batch blocked at its next
     * write), so that a kill lands while the batch is under way.
     */
    public void awaitWriterBlockedOn(String table) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try (PreparedStatement waiting = connection.prepareStatement("""
                select count(*) from pg_locks l join pg_class c on c.oid = l.relation
                where c.relname = ? and not l.granted""")) {
            waiting.setString(1, table);
            while (true) {
                try (ResultSet rs = waiting.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("nothing waited to write to " + table + " within " + WAIT);
                }
                ChildApplication.pause(20);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DatabaseHold open(DataSource dataSource) {
        try {
            Connection c = dataSource.getConnection();
            c.setAutoCommit(false);
            try (var timeout = c.createStatement()) {
                timeout.execute("set local lock_timeout = '" + WAIT.toSeconds() + "s'");
            }
            return new DatabaseHold(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ends the test's transaction, releasing the lock. */
    @Override
    public void close() {
        try (connection) {
            connection.rollback();
        } catch (SQLException e) {
            // the database went away (a test that stops it): the lock went with it
        }
    }
}
