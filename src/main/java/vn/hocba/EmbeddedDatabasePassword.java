package vn.hocba;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * The embedded H2 database never runs as {@code sa} with the empty password (issue 13): when the
 * datasource is an H2 file database and no password is configured, the password is a random one
 * kept next to the database file ({@code <data dir>/db/hocba.password}, readable by the owner only),
 * made on first start. A database made by an earlier HocBa with the empty password is opened once
 * with it and given the kept password ({@code ALTER USER}), so an existing {@code ./data} keeps
 * working. A password configured explicitly ({@code SPRING_DATASOURCE_PASSWORD}) is left alone.
 */
@Component
class EmbeddedDatabasePassword implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabasePassword.class);
    private static final String H2_FILE = "jdbc:h2:file:";
    /** H2's ErrorCode.WRONG_USER_OR_PASSWORD. */
    private static final int WRONG_USER_OR_PASSWORD = 28000;

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource dataSource && dataSource.getJdbcUrl() != null
                && dataSource.getJdbcUrl().startsWith(H2_FILE)
                && (dataSource.getPassword() == null || dataSource.getPassword().isEmpty())) {
            String user = dataSource.getUsername() == null ? "sa" : dataSource.getUsername();
            String password = secure(dataSource.getJdbcUrl(), user);
            dataSource.setUsername(user);
            dataSource.setPassword(password);
        }
        return bean;
    }

    /** The kept password of the H2 database at {@code url}, made and set on the database when needed. */
    static String secure(String url, String user) {
        Path database = databaseFile(url);
        Path file = database.resolveSibling(database.getFileName() + ".password");
        String password = readOrCreate(file);
        if (Files.exists(database.resolveSibling(database.getFileName() + ".mv.db"))) {
            setOnExistingDatabase(url, user, password, file);
        }
        return password;
    }

    private static void setOnExistingDatabase(String url, String user, String password, Path file) {
        try (Connection ignored = DriverManager.getConnection(url, user, password)) {
            return; // secured already
        } catch (SQLException e) {
            if (e.getErrorCode() != WRONG_USER_OR_PASSWORD) {
                return; // e.g. in use by another process: the datasource reports it with its own message
            }
        }
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            // The password is Base64url (letters, digits, '-', '_'): nothing to escape.
            c.createStatement().execute("ALTER USER \"" + c.getMetaData().getUserName() + "\" SET PASSWORD '" + password + "'");
            log.warn("The embedded database {} had user {} with the empty password; it now has the password kept in {}",
                    url, user, file);
        } catch (SQLException e) {
            throw new IllegalStateException("The embedded database " + url + " refuses the password kept in " + file
                    + " and the empty password: restore that file, or set SPRING_DATASOURCE_PASSWORD", e);
        }
    }

    private static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                restrict(file);
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            Files.createDirectories(file.getParent());
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Path temporary = ownerOnlyTemporaryFile(file);
            Files.writeString(temporary, password + "\n", StandardCharsets.US_ASCII);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the embedded database's password in " + file, e);
        }
    }

    private static Path ownerOnlyTemporaryFile(Path file) throws IOException {
        if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
            return Files.createTempFile(file.getParent(), ".password", ".tmp",
                    PosixFilePermissions.asFileAttribute(EnumSet.of(PosixFilePermission.OWNER_READ,
                            PosixFilePermission.OWNER_WRITE)));
        }
        Path temporary = Files.createTempFile(file.getParent(), ".password", ".tmp");
        var f = temporary.toFile(); // Windows: the closest File offers
        f.setReadable(false, false);
        f.setReadable(true, true);
        f.setWritable(false, false);
        f.setWritable(true, true);
        return temporary;
    }

    /** A kept password file someone opened to others is closed again. */
    private static void restrict(Path file) throws IOException {
        if (!Files.getFileStore(file).supportsFileAttributeView("posix")) {
            return;
        }
        Set<PosixFilePermission> ownerOnly = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        if (!Files.getPosixFilePermissions(file).equals(ownerOnly)) {
            log.warn("{} was readable by others; it is now readable by its owner only", file);
            Files.setPosixFilePermissions(file, ownerOnly);
        }
    }

    /** {@code jdbc:h2:file:/x/db/hocba;OPTION=…} → {@code /x/db/hocba}. */
    private static Path databaseFile(String url) {
        String path = url.substring(H2_FILE.length());
        int options = path.indexOf(';');
        return Path.of(options < 0 ? path : path.substring(0, options)).toAbsolutePath().normalize();
    }
}
