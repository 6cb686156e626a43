package vn.hocba.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import vn.hocba.backup.DataDirectoryFiles;
import vn.hocba.backup.DatabaseCopy;
import vn.hocba.backup.H2Copy;
import vn.hocba.backup.InstallationFiles;
import vn.hocba.backup.PostgresCopy;
import vn.hocba.backup.StoredObjectFiles;
import vn.hocba.storage.ObjectStore;
import vn.hocba.storage.StorageSettings;

/**
 * The installation's settings as the server reads them (application.yml, HOCBA_DATA_DIR,
 * SPRING_DATASOURCE_*, --key=value), without starting anything: a backup must not migrate the
 * database it copies, and a restore must find its target empty (the application would create its
 * tables). With {@code hocba.storage.type=s3} the documents are backed up from, and restored into, the bucket.
 * {@code HOCBA_BACKUP_POSTGRESQL_BIN} names the folder of pg_dump/pg_restore when not on the PATH.
 */
record BackupSettings(DatabaseCopy database, InstallationFiles files, Path dataDir) {

    static BackupSettings read(List<String> options) {
        List<String> args = new ArrayList<>(options);
        args.add("--logging.level.root=WARN");
        try (ConfigurableApplicationContext settings = new SpringApplicationBuilder(SettingsOnly.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run(args.toArray(String[]::new))) {
            Environment env = settings.getEnvironment();
            Path dataDir = Path.of(env.getRequiredProperty("hocba.data-dir"));
            Path checkpoints = Path.of(env.getProperty("hocba.audit.checkpoints.directory",
                    dataDir.resolve("audit-checkpoints").toString()));
            Path pki = Path.of(env.getProperty("hocba.signing.development-pki", dataDir.resolve("pki").toString()));
            DataDirectoryFiles folders = new DataDirectoryFiles(dataDir, checkpoints, pki);
            return new BackupSettings(database(env), files(env, dataDir, folders), dataDir);
        }
    }

    /** With {@code hocba.storage.type=s3} the documents are the bucket's objects (credentials from the environment). */
    private static InstallationFiles files(Environment env, Path dataDir, DataDirectoryFiles folders) {
        String type = env.getProperty("hocba.storage.type", "filesystem");
        if (!"s3".equalsIgnoreCase(type.trim())) {
            return folders;
        }
        ObjectStore store = StorageSettings.open(type, dataDir, env.getProperty("hocba.storage.endpoint", ""),
                env.getProperty("hocba.storage.bucket", ""), env.getProperty("hocba.storage.region", ""),
                env.getProperty("hocba.storage.path-style", Boolean.class, true), System::getenv);
        return new StoredObjectFiles(store, folders);
    }

    private static DatabaseCopy database(Environment env) {
        String url = env.getRequiredProperty("spring.datasource.url");
        String user = env.getProperty("spring.datasource.username", "");
        String password = env.getProperty("spring.datasource.password", "");
        if (url.startsWith("jdbc:h2:file:")) {
            return new H2Copy(url, user, password);
        }
        if (url.startsWith("jdbc:postgresql:")) {
            String bin = env.getProperty("hocba.backup.postgresql-bin", "");
            return new PostgresCopy(url, user, password, bin.isBlank() ? null : Path.of(bin));
        }
        throw new IllegalArgumentException("Sao lưu hỗ trợ H2 (tệp) và PostgreSQL, không hỗ trợ " + url);
    }

    /** An empty application: only the environment is wanted. */
    static final class SettingsOnly {
    }
}
