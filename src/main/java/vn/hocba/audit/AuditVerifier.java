package vn.hocba.audit;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the whole chain in order and recomputes every hash: an altered entry no longer matches
 * its hash, a deleted or inserted entry breaks the link to its neighbour, and removing the newest
 * entries is caught by the head row.
 */
@Service
public class AuditVerifier {

    private final JdbcTemplate jdbc;

    public AuditVerifier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public AuditVerification verify() {
        Walk walk = new Walk();
        jdbc.query(con -> {
            var statement = con.prepareStatement("select * from audit_entry order by id");
            statement.setFetchSize(1000);
            return statement;
        }, rs -> {
            if (walk.broken.get() == null) {
                walk.check(AuditLog.row(rs, 0));
            }
        });
        if (walk.broken.get() != null) {
            return walk.broken.get();
        }
        var head = jdbc.queryForMap("select last_id, last_hash from audit_head where id = 1");
        if (!walk.previousHash.equals(head.get("last_hash")) || walk.lastId != ((Number) head.get("last_id")).longValue()) {
            return AuditVerification.broken(walk.checked, walk.lastId + 1,
                    "Các mục cuối của nhật kí (sau mục " + walk.lastId + ") đã bị xoá: đầu chuỗi ghi mục "
                            + head.get("last_id") + ".");
        }
        return AuditVerification.intact(walk.checked);
    }

    private static final class Walk {
        private final AtomicReference<AuditVerification> broken = new AtomicReference<>();
        private String previousHash = ChainHash.GENESIS;
        private long lastId;
        private long checked;

        void check(AuditEntry entry) {
            if (!entry.previousHash().equals(previousHash)) {
                broken.set(AuditVerification.broken(checked, entry.id(), "Mục " + entry.id()
                        + " không nối với mục đứng trước (mục " + lastId + "): có mục bị xoá hoặc chèn vào giữa."));
            } else if (!ChainHash.of(previousHash, entry.canonical()).equals(entry.entryHash())) {
                broken.set(AuditVerification.broken(checked, entry.id(), "Nội dung mục " + entry.id()
                        + " (" + entry.record().action() + " " + entry.record().target() + ") đã bị sửa sau khi ghi."));
            } else {
                previousHash = entry.entryHash();
                lastId = entry.id();
                checked++;
            }
        }
    }
}
