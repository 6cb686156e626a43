package vn.hocba.audit;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Writes entries at the end of the hash chain, in the current transaction. */
@Component
class AuditChain {

    private static final String INSERT = "insert into audit_entry (occurred_at, actor, actor_role, client_address, action, "
            + "target, old_value, new_value, reason, related_request, previous_hash, entry_hash) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;

    AuditChain(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Links {@code drafts} (no id, no hashes yet) after the current head, in order, as one batch. */
    void link(List<AuditEntry> drafts) {
        // Locking the head row serialises appends across threads and nodes: the chain stays linear,
        // and ids (drawn while the lock is held) follow the chain's order.
        String previous = jdbc.queryForObject("select last_hash from audit_head where id = 1 for update", String.class);
        List<AuditEntry> linked = new ArrayList<>(drafts.size());
        for (AuditEntry draft : drafts) {
            String hash = ChainHash.of(previous, draft.canonical());
            linked.add(new AuditEntry(0, draft.occurredAt(), draft.record(), previous, hash));
            previous = hash;
        }
        var keys = new GeneratedKeyHolder();
        jdbc.batchUpdate(con -> con.prepareStatement(INSERT, new String[] {"id"}), new Rows(linked), keys);
        Map<String, Object> last = keys.getKeyList().get(keys.getKeyList().size() - 1);
        long lastId = ((Number) last.values().iterator().next()).longValue();
        jdbc.update("update audit_head set last_id = ?, last_hash = ? where id = 1", lastId, previous);
    }

    private record Rows(List<AuditEntry> entries) implements BatchPreparedStatementSetter {

        @Override
        public void setValues(PreparedStatement ps, int i) throws SQLException {
            AuditEntry e = entries.get(i);
            AuditRecord r = e.record();
            ps.setObject(1, OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC));
            ps.setString(2, r.actor().username());
            ps.setString(3, r.actor().role());
            ps.setString(4, r.actor().clientAddress());
            ps.setString(5, r.action());
            ps.setString(6, r.target());
            ps.setString(7, r.oldValue());
            ps.setString(8, r.newValue());
            ps.setString(9, r.reason());
            ps.setString(10, r.relatedRequest());
            ps.setString(11, e.previousHash());
            ps.setString(12, e.entryHash());
        }

        @Override
        public int getBatchSize() {
            return entries.size();
        }
    }
}
