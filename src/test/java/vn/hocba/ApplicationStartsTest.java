package vn.hocba;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
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
    void firstStartCreatesTheDemoSchoolBeforeServingAndARestartKeepsItWithoutDuplicates() {
        Counts first;
        AtomicInteger loginWhenStarted = new AtomicInteger();
        try (ConfigurableApplicationContext app = start(loginAsSoonAsStarted(loginWhenStarted))) {
            first = Counts.of(app.getBean(JdbcClient.class));
        }
        // "Started" is logged when ApplicationStartedEvent is published: the demo accounts must work from then on
        assertThat(loginWhenStarted.get()).as("demo login right after start-up").isEqualTo(200);
        assertThat(first.schools).isEqualTo(1);
        assertThat(first.classes).isEqualTo(8);
        assertThat(first.students).isBetween(8 * 33L, 8 * 37L);
        assertThat(first.termOneMarks).isGreaterThan(first.students * 12 * 4);
        assertThat(first.accounts).isGreaterThanOrEqualTo(29);
        assertThat(Files.exists(dataDir.resolve("db/hocba.mv.db"))).isTrue();

        try (ConfigurableApplicationContext app = start(event -> { })) {
            assertThat(Counts.of(app.getBean(JdbcClient.class))).isEqualTo(first);
        }
    }

    /** Logs in as the principal over HTTP at the moment the application reports it has started. */
    private static ApplicationListener<ApplicationStartedEvent> loginAsSoonAsStarted(AtomicInteger status) {
        return event -> {
            String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port");
            HttpRequest login = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"hieutruong\",\"password\":\"HocBa@2025\"}"))
                    .build();
            try {
                status.set(HttpClient.newHttpClient().send(login, HttpResponse.BodyHandlers.discarding()).statusCode());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private ConfigurableApplicationContext start(ApplicationListener<ApplicationStartedEvent> onStarted) {
        return new SpringApplicationBuilder(HocBaApplication.class).listeners(onStarted)
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
