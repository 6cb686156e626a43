package vn.hocba.suite;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.hocba.support.EmbeddedPostgresDatabases;
import vn.hocba.support.TemporaryDataDirectory;

/**
 * The running demo school on embedded PostgreSQL behind a real HTTP port, shared by the authorization matrix
 * and the bad-input fuzzer (one Spring context: same class, same properties).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SecuritySuiteOnPostgres {

    private static Path dataDir;
    private static SuiteSchool school;

    @DynamicPropertySource
    static void postgresAndDataDirectory(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabases.register(registry, "security_suite");
        dataDir = TemporaryDataDirectory.register(registry, "hocba-security-suite");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    /** The personas and ids, made once per context (the accounts it creates are in the context's database). */
    SuiteSchool school() {
        synchronized (SecuritySuiteOnPostgres.class) {
            if (school == null || !school.sameDatabase(jdbc)) {
                school = new SuiteSchool(jdbc);
            }
            return school;
        }
    }

    @AfterAll
    static void keepDataDirectoryUntilTheEnd() {
        // the data directory belongs to the shared context; TemporaryDataDirectory files go with the JVM's temp dir
        if (dataDir != null) {
            dataDir.toFile().deleteOnExit();
        }
    }
}
