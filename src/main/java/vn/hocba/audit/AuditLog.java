package vn.hocba.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Appends audit entries to the hash chain, inside the caller's transaction (so a rolled-back change leaves no entry). */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Appends {@code record}; must run inside the transaction that makes the change. */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEntry append(AuditRecord record) {
        // Locking the head row serialises appends across threads and nodes: the chain stays linear.
        String previous = jdbc.sql("select last_hash from audit_head where id = 1 for update").query(String.class).single();
        // Microseconds: what both PostgreSQL and H2 store, so the hash can be recomputed from the row.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AuditEntry draft = new AuditEntry(0, now, record, previous, null);
        String hash = ChainHash.of(previous, draft.canonical());
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into audit_entry (occurred_at, actor, actor_role, client_address, action, target, old_value, "
                + "new_value, reason, related_request, previous_hash, entry_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(OffsetDateTime.ofInstant(now, ZoneOffset.UTC), record.actor().username(), record.actor().role(),
                        record.actor().clientAddress(), record.action(), record.target(), record.oldValue(),
                        record.newValue(), record.reason(), record.relatedRequest(), previous, hash)
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        jdbc.sql("update audit_head set last_id = ?, last_hash = ? where id = 1").params(id, hash).update();
        return new AuditEntry(id, now, record, previous, hash);
    }

    /** The entries about one target, oldest first (history of a mark, a lock, a document). */
    @Transactional(readOnly = true)
    public List<AuditEntry> history(String target) {
        return jdbc.sql("select * from audit_entry where target = ? order by id").param(target).query(AuditLog::row).list();
    }

    static AuditEntry row(ResultSet rs, int n) throws SQLException {
        Actor actor = new Actor(rs.getString("actor"), rs.getString("actor_role"), rs.getString("client_address"));
        AuditRecord record = new AuditRecord(actor, rs.getString("action"), rs.getString("target"),
                rs.getString("old_value"), rs.getString("new_value"), rs.getString("reason"), rs.getString("related_request"));
        return new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), record,
                rs.getString("previous_hash"), rs.getString("entry_hash"));
    }
}
