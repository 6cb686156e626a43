package vn.hocba.gradebook.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hocba.common.Rejected;
import vn.hocba.gradebook.excel.PendingUploads.Pending;
import vn.hocba.support.EmbeddedPostgresDatabases;
import vn.hocba.gradebook.CellChange;
import vn.hocba.gradebook.MarkKind;
/**
 * Excel upload previews live in the database: one instance (a node, or the application before a
 * restart) stores a preview and a fresh instance, sharing nothing but the database, confirms it.
 */
@SpringBootTest(properties = {"hocba.demo.enabled=false", "camunda.bpm.job-execution.enabled=false"})
class UploadPreviewsOnPostgresTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final List<CellChange> CHANGES = List.of(new CellChange(11, MarkKind.REGULAR, 2, "8", 3),
            new CellChange(12, MarkKind.MIDTERM, 1, "7,5", null), new CellChange(13, MarkKind.FINAL, 1, null, 4),
            new CellChange(14, MarkKind.REGULAR, 1, "CĐ", null));

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabases.register(registry, "upload_previews");
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    TransactionTemplate tx;

    @Test
    void aPreviewStoredBeforeARestartIsConfirmedByANewInstanceExactlyOnce() {
        PendingUploads before = instanceAt(T0);
        tx.executeWithoutResult(s -> before.put(preview("p-restart", "gv04")));

        PendingUploads after = instanceAt(T0.plus(Duration.ofMinutes(29)));
        Pending taken = tx.execute(s -> after.take("p-restart", "gv04", 5, 7, 2));
        assertThat(taken.changes()).isEqualTo(CHANGES);
        assertThat(taken.refusals()).containsExactly("Dòng 7: thiếu mã học sinh");
        assertThat(taken.sha256()).isEqualTo("a".repeat(64));
        assertThat(taken.at()).isEqualTo(T0);
        assertThatThrownBy(() -> tx.execute(s -> before.take("p-restart", "gv04", 5, 7, 2)))
                .isInstanceOf(Rejected.class).hasMessageContaining("chỉ áp dụng được một lần");
    }

    @Test
    void aPreviewIsOnlyForItsTeacherAndSheetAndExpiresAfterThirtyMinutes() {
        tx.executeWithoutResult(s -> instanceAt(T0).put(preview("p-expiring", "gv05")));
        PendingUploads later = instanceAt(T0.plus(Duration.ofMinutes(31)));
        assertThatThrownBy(() -> tx.execute(s -> instanceAt(T0).take("p-expiring", "gv06", 5, 7, 2))).isInstanceOf(Rejected.class);
        assertThatThrownBy(() -> tx.execute(s -> instanceAt(T0).take("p-expiring", "gv05", 5, 7, 1))).isInstanceOf(Rejected.class);
        assertThatThrownBy(() -> tx.execute(s -> later.take("p-expiring", "gv05", 5, 7, 2)))
                .isInstanceOf(Rejected.class).hasMessageContaining("30 phút");
        tx.executeWithoutResult(s -> later.put(preview("p-next", "gv05")));
        assertThat(jdbc.sql("select count(*) from upload_preview where id = 'p-expiring'").query(Long.class).single()).isZero();
    }

    private PendingUploads instanceAt(Instant now) {
        return new PendingUploads(jdbc, json, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Pending preview(String id, String user) {
        return new Pending(id, user, 5, 7, 2, "a".repeat(64), false, List.of("Dòng 7: thiếu mã học sinh"), false, CHANGES, null);
    }
}
