package vn.hocba;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 13 item 7: the embedded H2 database never runs as {@code sa} with an empty password. A data
 * directory made by an older HocBa (sa, empty password) keeps working and is secured at start-up.
 */
class EmbeddedDatabasePasswordTest {

    @TempDir
    Path dataDir;

    @Test
    void aDataDirectoryCreatedWithTheEmptyPasswordKeepsItsDataAndIsThenClosedToTheEmptyPassword() throws Exception {
        String url = "jdbc:h2:file:" + dataDir.resolve("db/hocba");
        // What HocBa up to now left in ./data: its schema, made as sa with the empty password, and a school.
        org.flywaydb.core.Flyway.configure().dataSource(url, "sa", "")
                .locations("classpath:db/migration", "classpath:db/vendor/h2").target("43").load().migrate();
        try (Connection old = DriverManager.getConnection(url, "sa", "")) {
            old.createStatement().execute("insert into school (code, name, province, level) "
                    + "values ('CU01', 'Trường THCS Cũ', 'Thành phố Hà Nội', 'THCS')");
        }

        try (ConfigurableApplicationContext app = start()) {
            assertThat(app.getBean(JdbcClient.class).sql("select name from school").query(String.class).single())
                    .isEqualTo("Trường THCS Cũ");
        }

        Path passwordFile = dataDir.resolve("db/hocba.password");
        String password = Files.readString(passwordFile).trim();
        assertThat(password).hasSizeGreaterThanOrEqualTo(40);
        assertThat(Files.getPosixFilePermissions(passwordFile))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close()).isInstanceOf(SQLException.class)
                .hasMessageContaining("Wrong user name or password");
        try (Connection c = DriverManager.getConnection(url, "sa", password)) {
            assertThat(c.isValid(1)).isTrue();
        }
        try (ConfigurableApplicationContext again = start()) { // a restart uses the kept password
            assertThat(again.getBean(JdbcClient.class).sql("select count(*) from school").query(Long.class).single())
                    .isOne();
        }
        assertThat(Files.readString(passwordFile).trim()).isEqualTo(password);
    }

    @Test
    void aNewDataDirectoryGetsARandomPasswordOfItsOwn() throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            assertThat(app.getBean(JdbcClient.class).sql("select count(*) from audit_head").query(Long.class).single())
                    .isOne();
        }
        String url = "jdbc:h2:file:" + dataDir.resolve("db/hocba");
        assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close()).isInstanceOf(SQLException.class);
        String password = Files.readString(dataDir.resolve("db/hocba.password")).trim();
        try (Connection c = DriverManager.getConnection(url, "sa", password)) {
            assertThat(c.isValid(1)).isTrue();
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(HocBaApplication.class).run("--hocba.data-dir=" + dataDir, "--server.port=0",
                "--camunda.bpm.job-execution.enabled=false", "--hocba.demo.enabled=false");
    }
}
