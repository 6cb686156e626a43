package vn.hocba;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The default profile as a new user runs it: embedded H2 under the data directory, the demo
 * school created on first start, everything kept and nothing duplicated on restart.
 */
class ApplicationStartsTest {

    @TempDir
    Path dataDir;

    @Test
    void firstStartCreatesTheDemoSchoolAndARestartKeepsItWithoutDuplicates() {
        Counts first;
        try (ConfigurableApplicationContext app = start()) {
            first = Counts.of(app.getBean(JdbcClient.class));
        }
        assertThat(first.schools).isEqualTo(1);
        assertThat(first.classes).isEqualTo(8);
        assertThat(first.students).isBetween(8 * 33L, 8 * 37L);
        assertThat(first.termOneMarks).isGreaterThan(first.students * 12 * 4);
        assertThat(first.accounts).isGreaterThanOrEqualTo(29);
        assertThat(Files.exists(dataDir.resolve("db/hocba.mv.db"))).isTrue();

        try (ConfigurableApplicationContext app = start()) {
            assertThat(Counts.of(app.getBean(JdbcClient.class))).isEqualTo(first);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(HocBaApplication.class)
                .run("--hocba.data-dir=" + dataDir, "--server.port=0", "--camunda.bpm.job-execution.enabled=false");
    }

    record Counts(long schools, long classes, long students, long termOneMarks, long accounts) {

        static Counts of(JdbcClient jdbc) {
            return new Counts(count(jdbc, "school"), count(jdbc, "school_class"), count(jdbc, "student"),
                    jdbc.sql("select count(*) from mark where term = 1").query(Long.class).single(), count(jdbc, "account"));
        }

        private static long count(JdbcClient jdbc, String table) {
            return jdbc.sql("select count(*) from " + table).query(Long.class).single();
        }
    }
}
