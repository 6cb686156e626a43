package vn.hocba.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The embedded H2 database: H2's online {@code BACKUP TO} (a transactionally consistent copy of the
 * database file, taken through MVCC), plus the password HocBa keeps next to it
 * ({@code db/hocba.password}): the copied file opens only with it. H2 accepts one process at a time,
 * so the server is stopped for a backup from the command line.
 */
public final class H2Copy implements DatabaseCopy {

    static final String BACKUP = "h2-backup.zip";
    static final String PASSWORD = "h2.password";
    private static final String FILE_PREFIX = "jdbc:h2:file:";
    /** H2's ErrorCode.DATABASE_ALREADY_OPEN_1. */
    private static final int ALREADY_OPEN = 90020;

    private final String url;
    private final String user;
    private final String password;
    private final Path database;

    /** @param password the configured password; empty means the one kept next to the database */
    public H2Copy(String url, String user, String password) {
        if (!url.startsWith(FILE_PREFIX)) {
            throw new IllegalArgumentException("not an H2 file database: " + url);
        }
        this.url = url;
        this.user = user == null || user.isEmpty() ? "sa" : user;
        this.password = password == null ? "" : password;
        String path = url.substring(FILE_PREFIX.length());
        int options = path.indexOf(';');
        this.database = Path.of(options < 0 ? path : path.substring(0, options)).toAbsolutePath().normalize();
    }

    @Override
    public String kind() {
        return "h2";
    }

    @Override
    public long dump(Path directory) throws IOException {
        Path kept = keptPassword();
        String secret = !password.isEmpty() || !Files.exists(kept) ? password
                : Files.readString(kept, StandardCharsets.US_ASCII).trim();
        if (!Files.exists(dataFile())) {
            throw new IOException("Không có cơ sở dữ liệu H2 tại " + dataFile() + ": kiểm tra HOCBA_DATA_DIR.");
        }
        try (Connection c = DriverManager.getConnection(url + ";IFEXISTS=TRUE", user, secret);
                Statement s = c.createStatement()) {
            long head = auditHead(s);
            s.execute("BACKUP TO '" + directory.resolve(BACKUP).toString().replace("'", "''") + "'");
            if (Files.exists(kept)) {
                Files.copy(kept, directory.resolve(PASSWORD));
            }
            return head;
        } catch (SQLException e) {
            if (e.getErrorCode() == ALREADY_OPEN) {
                throw new IOException("Cơ sở dữ liệu H2 " + dataFile() + " đang được máy chủ HocBa dùng: H2 chỉ cho một "
                        + "tiến trình mở tệp. Dừng máy chủ, chạy sao lưu rồi khởi động lại.", e);
            }
            throw new IOException("Không sao lưu được cơ sở dữ liệu H2 " + dataFile() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> contents() {
        return Files.exists(dataFile()) ? List.of("cơ sở dữ liệu H2 " + dataFile() + " đã có") : List.of();
    }

    @Override
    public void restore(Path directory) throws IOException {
        Files.createDirectories(database.getParent());
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(directory.resolve(BACKUP)))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().endsWith(".mv.db")) {
                    Files.copy(zip, dataFile());
                }
            }
        }
        if (!Files.exists(dataFile())) {
            throw new IOException("Bản sao lưu H2 không chứa tệp cơ sở dữ liệu (.mv.db).");
        }
        Path password = directory.resolve(PASSWORD);
        if (Files.exists(password)) {
            Files.deleteIfExists(keptPassword());
            if (Files.getFileStore(database.getParent()).supportsFileAttributeView("posix")) {
                Files.createFile(keptPassword(), PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            }
            try (InputStream in = Files.newInputStream(password)) {
                Files.write(keptPassword(), in.readAllBytes());
            }
        }
    }

    private static long auditHead(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("select coalesce(max(id), 0) from audit_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Path dataFile() {
        return database.resolveSibling(database.getFileName() + ".mv.db");
    }

    private Path keptPassword() {
        return database.resolveSibling(database.getFileName() + ".password");
    }
}
