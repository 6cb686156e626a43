package vn.hocba.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * PostgreSQL, while the application runs: {@code pg_dump} (custom format) reads the snapshot of a
 * transaction this class holds open ({@code pg_export_snapshot}), so the newest audit entry read
 * here is exactly the newest in the dump. Restored with {@code pg_restore} in one transaction into
 * an empty database (tables first, then the rows, then the triggers such as the audit log's
 * append-only one). {@code pg_dump} must be of the server's major version or newer.
 */
public final class PostgresCopy implements DatabaseCopy {

    static final String DUMP = "postgresql.dump";

    private final String jdbcUrl;
    private final PostgresAddress address;
    private final PostgresClient client;

    /** @param binDirectory where pg_dump and pg_restore are; null for the PATH */
    public PostgresCopy(String jdbcUrl, String user, String password, Path binDirectory) {
        this.jdbcUrl = jdbcUrl;
        this.address = PostgresAddress.of(jdbcUrl, user, password);
        this.client = new PostgresClient(binDirectory, address);
    }

    @Override
    public String kind() {
        return "postgresql";
    }

    @Override
    public long dump(Path directory) throws IOException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            requireClientNotOlder(s);
            c.setAutoCommit(false);
            s.execute("set transaction isolation level repeatable read, read only");
            String snapshot = single(s, "select pg_export_snapshot()");
            long head = Long.parseLong(single(s, "select coalesce(max(id), 0) from audit_entry"));
            client.run("pg_dump", List.of("--format=custom", "--no-owner", "--no-privileges", "--snapshot=" + snapshot,
                    "--file=" + directory.resolve(DUMP), "--dbname=" + address.database()));
            c.commit();
            return head;
        } catch (SQLException e) {
            throw new IOException("Không sao lưu được cơ sở dữ liệu PostgreSQL " + address.database() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public List<String> contents() throws IOException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            long tables = Long.parseLong(single(s, "select count(*) from information_schema.tables "
                    + "where table_schema not in ('pg_catalog', 'information_schema')"));
            return tables == 0 ? List.of() : List.of("cơ sở dữ liệu PostgreSQL " + address.database() + " đã có "
                    + tables + " bảng");
        } catch (SQLException e) {
            throw new IOException("Không mở được cơ sở dữ liệu PostgreSQL " + address.database() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void restore(Path directory) throws IOException {
        client.run("pg_restore", List.of("--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
                "--dbname=" + address.database(), directory.resolve(DUMP).toString()));
    }

    private void requireClientNotOlder(Statement s) throws SQLException, IOException {
        int server = Integer.parseInt(single(s, "show server_version_num")) / 10000;
        int dump = client.majorVersion("pg_dump");
        if (dump < server) {
            throw new IOException("pg_dump " + dump + " không sao lưu được máy chủ PostgreSQL " + server
                    + ": cài postgresql-client " + server + " trở lên.");
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, address.user(), address.password());
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
