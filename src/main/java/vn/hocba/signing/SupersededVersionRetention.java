package vn.hocba.signing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditLog;
import vn.hocba.audit.AuditRecord;
import vn.hocba.documents.ClassDocuments;
import vn.hocba.documents.DocumentKind;
import vn.hocba.documents.IssuedDocument;
import vn.hocba.storage.ObjectStore;

/**
 * Applies {@link RetentionRules} to superseded versions: once a version has been superseded for longer than
 * its kind is kept, its stored files (the issued PDF and every signed stage) are removed from the store,
 * and {@code retired_document_version} plus an audit entry {@code DOCUMENT_FILES_RETIRED} record it; the
 * version's row and hashes stay. Only a version that a newer version supersedes is ever looked at, so an
 * issued current version is never removed. Runs daily ({@code hocba.storage.retention.schedule}, 02:45) on
 * every node; two nodes removing the same files record them once.
 */
@Component
public class SupersededVersionRetention {

    private static final Logger log = LoggerFactory.getLogger(SupersededVersionRetention.class);

    /** One version whose files were removed. */
    public record Retired(String version, DocumentKind kind, Instant supersededAt, int objects) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectStore objects;
    private final ClassDocuments documents;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final RetentionRules rules;

    @Autowired
    SupersededVersionRetention(JdbcTemplate jdbc, ObjectStore objects, ClassDocuments documents, AuditLog audit,
            PlatformTransactionManager transactions, Clock clock, Environment environment) {
        this(jdbc, objects, documents, audit, transactions, clock, RetentionRules.of(environment::getProperty));
    }

    /** With explicit rules (a command, a test). */
    public SupersededVersionRetention(JdbcTemplate jdbc, ObjectStore objects, ClassDocuments documents, AuditLog audit,
            PlatformTransactionManager transactions, Clock clock, RetentionRules rules) {
        this.jdbc = jdbc;
        this.objects = objects;
        this.documents = documents;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.rules = rules;
    }

    @Scheduled(cron = "${hocba.storage.retention.schedule:0 45 2 * * *}")
    public void applyWhenDue() {
        if (!rules.anyLimit()) {
            return;
        }
        try {
            List<Retired> retired = apply(Actor.system("retention"));
            if (!retired.isEmpty()) {
                log.info("Retention: files of {} superseded versions removed", retired.size());
            }
        } catch (RuntimeException e) {
            log.warn("Retention of superseded versions failed (tried again tomorrow): {}", e.getMessage());
        }
    }

    /** Removes the files of every superseded version whose retention has ended now. */
    public List<Retired> apply(Actor by) {
        List<Retired> retired = new ArrayList<>();
        for (Candidate c : candidates()) {
            if (rules.expired(c.kind(), c.supersededAt(), clock.instant())) {
                retire(c, by).ifPresent(retired::add);
            }
        }
        return retired;
    }

    private record Candidate(String version, DocumentKind kind, String classCode, Instant supersededAt) {
    }

    /** Versions superseded by a newer one (never a current version), not retired yet. */
    private List<Candidate> candidates() {
        return jdbc.query("select o.id, o.kind, c.code, n.created_at from issued_document o "
                + "join issued_document n on n.supersedes = o.id join school_class c on c.id = o.class_id "
                + "where not exists (select 1 from retired_document_version r where r.version_id = o.id) order by o.id",
                (rs, i) -> new Candidate(rs.getString(1), DocumentKind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getTimestamp(4).toInstant()));
    }

    private Optional<Retired> retire(Candidate c, Actor by) {
        IssuedDocument version = documents.find(c.version()).orElseThrow();
        if (!version.superseded()) {
            return Optional.empty(); // belt and braces: a current version is never removed
        }
        // Files first, then the record: a node stopping in between removes nothing twice and records it next time.
        List<String> keys = new ArrayList<>(objects.list(ClassYearDocuments.signedPrefix(c.classCode()) + "/"
                + c.version() + "/"));
        keys.add(documents.objectKey(version));
        int removed = 0;
        for (String key : keys) {
            removed += objects.retire(key) ? 1 : 0;
        }
        int count = removed;
        Instant now = clock.instant();
        Integer recorded = tx.execute(status -> {
            int rows = jdbc.update("insert into retired_document_version (version_id, kind, superseded_at, retired_at, "
                    + "rule, objects) select ?, ?, ?, ?, ?, ? where not exists "
                    + "(select 1 from retired_document_version where version_id = ?)", c.version(), c.kind().name(),
                    Timestamp.from(c.supersededAt()), Timestamp.from(now), rules.describe(c.kind()), count, c.version());
            if (rows == 1) {
                audit.append(new AuditRecord(by, "DOCUMENT_FILES_RETIRED", "document " + c.version(), version.sha256(),
                        null, "Hết thời hạn giữ phiên bản đã bị thay thế (" + rules.describe(c.kind()) + "), thay thế lúc "
                        + c.supersededAt() + "; xoá " + count + " tệp lưu trữ", null));
            }
            return rows;
        });
        return recorded != null && recorded == 1
                ? Optional.of(new Retired(c.version(), c.kind(), c.supersededAt(), count))
                : Optional.empty();
    }
}
