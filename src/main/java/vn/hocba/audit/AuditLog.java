package vn.hocba.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends audit entries to the hash chain as part of the caller's transaction: the entries are
 * collected and linked into the chain just before that transaction commits (see
 * {@link PendingEntries}), so a rolled-back change leaves no entry, and the chain's head row is
 * locked only for the moment of linking instead of for the whole change.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final AuditChain chain;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc, AuditChain chain, Clock clock) {
        this.jdbc = jdbc;
        this.chain = chain;
        this.clock = clock;
    }

    /** Appends {@code record} when the current transaction commits; must run inside the transaction that makes the change. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(AuditRecord record) {
        // Microseconds: what both PostgreSQL and H2 store, so the hash can be recomputed from the row.
        pending().add(new AuditEntry(0, clock.instant().truncatedTo(ChronoUnit.MICROS), record, null, null));
    }

    /** The entries about one target, oldest first (history of a mark, a lock, a document). */
    @Transactional(readOnly = true)
    public List<AuditEntry> history(String target) {
        return jdbc.sql("select * from audit_entry where target = ? order by id").param(target).query(AuditLog::row).list();
    }

    /** This transaction's pending entries; found among its synchronizations, so a suspended transaction keeps its own. */
    private PendingEntries pending() {
        for (var registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof PendingEntries entries) {
                return entries;
            }
        }
        PendingEntries entries = new PendingEntries(chain);
        TransactionSynchronizationManager.registerSynchronization(entries);
        return entries;
    }

    static AuditEntry row(ResultSet rs, int n) throws SQLException {
        Actor actor = new Actor(rs.getString("actor"), rs.getString("actor_role"), rs.getString("client_address"));
        AuditRecord record = new AuditRecord(actor, rs.getString("action"), rs.getString("target"),
                rs.getString("old_value"), rs.getString("new_value"), rs.getString("reason"), rs.getString("related_request"));
        return new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), record,
                rs.getString("previous_hash"), rs.getString("entry_hash"));
    }
}
