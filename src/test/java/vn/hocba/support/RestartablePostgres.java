package vn.hocba.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A PostgreSQL server of its own (zonky embedded binaries) that a test can stop ({@code pg_ctl stop -m fast}:
 * every connection cut, as when the database host restarts) and start again on the same data directory and
 * port, so the application's JDBC URL stays valid. Not the JVM-wide {@link EmbeddedPostgresDatabases} server,
 * which other test classes share.
 */
public final class RestartablePostgres implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private RestartablePostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** A new server in a new data directory under the temporary folder, started. */
    public static RestartablePostgres start() {
        try (ServerSocket s = new ServerSocket(0)) {
            RestartablePostgres pg = new RestartablePostgres(
                    Path.of(System.getProperty("java.io.tmpdir"), "hocba-pg-" + UUID.randomUUID()), s.getLocalPort());
            s.close();
            pg.startAgain();
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the stopped server on its data directory and port (initdb only the first time). */
    public synchronized void startAgain() {
        try {
            server = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                    .setPort(port).start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on " + dataDirectory, e);
        }
    }

    /** Stops the server the way an administrator or a host shutdown does: open sessions are terminated. */
    public synchronized void stop() {
        try {
            server.close();
            server = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates database {@code name} and returns its JDBC URL (user postgres). */
    public synchronized String create(String name) {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
        return server.getJdbcUrl("postgres", name);
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            stop();
        }
        TemporaryDataDirectory.delete(Files.exists(dataDirectory) ? dataDirectory : null);
    }
}
