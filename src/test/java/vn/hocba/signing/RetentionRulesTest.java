package vn.hocba.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.hocba.documents.DocumentKind;

/** The retention setting of superseded versions: forever by default, a limit only where the archive rules allow it. */
class RetentionRulesTest {

    private static final Instant SUPERSEDED = Instant.parse("2026-06-30T03:00:00Z");

    @Test
    void everySupersededVersionIsKeptForeverByDefault() {
        RetentionRules rules = RetentionRules.of(name -> null);
        for (DocumentKind kind : DocumentKind.values()) {
            assertThat(rules.expired(kind, SUPERSEDED, Instant.parse("2126-01-01T00:00:00Z"))).as(kind.name()).isFalse();
        }
        assertThat(rules.anyLimit()).isFalse();
    }

    @Test
    void aReportCardLimitEndsOnTheDaySoManyYearsAfterItWasSuperseded() {
        RetentionRules rules = RetentionRules.of(Map.of("hocba.storage.retention.superseded.report-card", "5y")::get);
        assertThat(rules.expired(DocumentKind.REPORT_CARD, SUPERSEDED, Instant.parse("2031-06-30T02:59:59Z"))).isFalse();
        assertThat(rules.expired(DocumentKind.REPORT_CARD, SUPERSEDED, Instant.parse("2031-06-30T03:00:00Z"))).isTrue();
        assertThat(rules.expired(DocumentKind.TRANSCRIPT, SUPERSEDED, Instant.parse("2099-01-01T00:00:00Z"))).isFalse();
        assertThat(rules.describe(DocumentKind.REPORT_CARD)).isEqualTo("report-card: 5 năm");
        assertThat(rules.describe(DocumentKind.TRANSCRIPT)).isEqualTo("transcript: vĩnh viễn");
    }

    @Test
    void aLimitOnHocBaOrOnTheGradebookRecordsIsRefusedNamingTheSettingAndTheRule() {
        for (String kind : new String[] {"transcript", "class-gradebook", "subject-result-sheet", "correction-record"}) {
            assertThatThrownBy(() -> RetentionRules.of(Map.of("hocba.storage.retention.superseded." + kind, "10y")::get))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("hocba.storage.retention.superseded." + kind)
                    .hasMessageContaining("giữ vĩnh viễn").hasMessageContaining("thanh tra, kiểm tra");
        }
        assertThatThrownBy(() -> RetentionRules.of(Map.of("hocba.storage.retention.superseded.report-card", "mãi")::get))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("report-card=mãi");
    }
}
