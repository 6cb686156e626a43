package vn.hocba.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hocba.cli.AuditCommand;
import vn.hocba.support.EmbeddedPostgresDatabases;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import vn.hocba.support.TemporaryDataDirectory;

/** The audit log on real PostgreSQL: append-only for the application, and tampering by anyone else is found. */
@SpringBootTest(properties = {"hocba.demo.enabled=false", "camunda.bpm.job-execution.enabled=false"})
class AuditLogOnPostgresTest {

    static String url;
    static java.nio.file.Path dataDir;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        url = EmbeddedPostgresDatabases.create("audit_log");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        // Its own data directory: the audit check compares with the checkpoints kept there.
        dataDir = TemporaryDataDirectory.register(registry, "hocba-audit-log");
    }

    @Autowired
    AuditLog log;
    @Autowired
    AuditVerifier verifier;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    List<Long> ids;

    @BeforeEach
    void fiveChangesOfAMark() {
        asOwner("truncate audit_entry; update audit_head set last_id = 0, last_hash = '" + "0".repeat(64) + "'");
        Actor teacher = new Actor("gv04", "SUBJECT_TEACHER", "10.0.0.7");
        tx.executeWithoutResult(s -> IntStream.rangeClosed(1, 5).forEach(i -> log.append(new AuditRecord(
                teacher, "MARK_CHANGED", "mark 7A1/TOAN/HS00012/HK1/REGULAR#1", String.valueOf(i - 1), String.valueOf(i),
                null, null))));
        ids = jdbc.sql("select id from audit_entry order by id").query(Long.class).list();
    }

    @Test
    void anUntouchedLogVerifies() {
        assertThat(verifier.verify()).isEqualTo(new AuditVerification(5, true, null, null));
    }

    @Test
    void theApplicationCannotUpdateOrDeleteAuditEntries() {
        assertThatThrownBy(() -> jdbc.sql("update audit_entry set new_value = '10' where id = ?").param(ids.get(2)).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_entry where id = ?").param(ids.get(2)).update())
                .hasMessageContaining("append-only");
    }

    @Test
    void anEntryAlteredBehindTheTriggersBackIsReportedAsTheFirstBrokenLink() {
        asOwner("alter table audit_entry disable trigger audit_entry_append_only; "
                + "update audit_entry set new_value = '10' where id = " + ids.get(2)
                + "; alter table audit_entry enable trigger audit_entry_append_only");
        AuditVerification result = verifier.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenEntry()).isEqualTo(ids.get(2));
        assertThat(result.problem()).contains("đã bị sửa");
    }

    @Test
    void aDeletedEntryBreaksTheChainAndTheCommandSaysWhere() {
        asOwner("alter table audit_entry disable trigger audit_entry_append_only; delete from audit_entry where id = "
                + ids.get(1) + "; alter table audit_entry enable trigger audit_entry_append_only");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new AuditCommand(vn.hocba.HocBaApplication.class).run(List.of("verify", "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres", "--hocba.data-dir=" + dataDir),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("tại mục " + ids.get(2)).contains("bị xoá hoặc chèn");
    }

    @Test
    void removingTheNewestEntriesIsCaughtByTheHead() {
        asOwner("alter table audit_entry disable trigger audit_entry_append_only; delete from audit_entry where id >= "
                + ids.get(3) + "; alter table audit_entry enable trigger audit_entry_append_only");
        AuditVerification result = verifier.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.problem()).contains("đã bị xoá");
    }

    @Test
    void theCommandReportsAnIntactLogWithExitZero() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new AuditCommand(vn.hocba.HocBaApplication.class).run(List.of("verify", "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres", "--hocba.data-dir=" + dataDir),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("nguyên vẹn: 5 mục");
    }

    @Test
    void aRolledBackChangeLeavesNoEntryAndTheChainStaysIntact() {
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            log.append(new AuditRecord(Actor.system("test"), "MARK_CHANGED", "mark rolled back", "1", "2", null, null));
            throw new IllegalStateException("the change failed");
        })).hasMessage("the change failed");
        assertThat(log.history("mark rolled back")).isEmpty();
        assertThat(verifier.verify()).isEqualTo(new AuditVerification(5, true, null, null));
    }

    @Test
    void transactionsAppendingAtTheSameTimeKeepOneUnbrokenChainInCommitOrder() throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        try {
            var done = new java.util.ArrayList<Future<?>>();
            for (int t = 0; t < 40; t++) {
                String target = "mark concurrent " + t;
                done.add(pool.submit(() -> tx.executeWithoutResult(s -> IntStream.range(0, 3).forEach(i ->
                        log.append(new AuditRecord(Actor.system("test"), "MARK_CHANGED", target, null, "" + i, null, null))))));
            }
            for (var d : done) {
                d.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(verifier.verify()).isEqualTo(new AuditVerification(5 + 40 * 3, true, null, null));
        // One transaction's entries are linked together, in the order they were made.
        assertThat(log.history("mark concurrent 7")).extracting(e -> e.record().newValue()).containsExactly("0", "1", "2");
        assertThat(log.history("mark concurrent 7")).extracting(AuditEntry::id)
                .satisfies(ids -> assertThat(ids.get(2) - ids.get(0)).isEqualTo(2));
    }

    /** What only the table owner (here the superuser) can do: the application code never does this. */
    private void asOwner(String sql) {
        for (String statement : sql.split(";")) {
            jdbc.sql(statement).update();
        }
    }
}
