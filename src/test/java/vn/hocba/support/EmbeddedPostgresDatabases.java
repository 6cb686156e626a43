package vn.hocba.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL server (zonky embedded binaries, no Docker) for the whole test JVM; each
 * test class gets its own database so Spring contexts do not see each other's data.
 */
public final class EmbeddedPostgresDatabases {

    private static EmbeddedPostgres server;

    private EmbeddedPostgresDatabases() {
    }

    /** Creates database {@code name} (fresh) and points the application's datasource at it. */
    public static void register(DynamicPropertyRegistry registry, String name) {
        String url = create(name);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    /** Creates database {@code name}, dropping an older one of that name, and returns its JDBC URL. */
    public static synchronized String create(String name) {
        EmbeddedPostgres pg = server();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name);
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
        return pg.getJdbcUrl("postgres", name);
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
                if (PostgresStatements.ENABLED) {
                    // Loaded at start only; the benchmark's per-stage list of statements needs it (see PostgresStatements).
                    builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                            .setServerConfig("pg_stat_statements.track", "all")
                            .setServerConfig("pg_stat_statements.max", "10000")
                            .setServerConfig("pg_stat_statements.track_planning", "on")
                            .setServerConfig("track_io_timing", "on");
                }
                server = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is ending anyway
                }
            }));
        }
        return server;
    }
}
