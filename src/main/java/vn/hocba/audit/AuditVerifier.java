package vn.hocba.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.audit.StoredCheckpoints.Anchor;
import vn.hocba.audit.StoredCheckpoints.Finding;
import vn.hocba.audit.checkpoint.CheckpointFiles;
import vn.hocba.audit.checkpoint.CheckpointSeal;

/**
 * Walks the whole chain in order and recomputes every hash: an altered entry no longer matches
 * its hash, a deleted or inserted entry breaks the link to its neighbour, and removing the newest
 * entries is caught by the head row. Someone able to change the database can rewrite all of that
 * consistently (recompute every hash and the head, or cut the tail and fix the head), so the chain is
 * also compared with the checkpoints kept outside the database ({@link AuditCheckpoints}), which name
 * what was changed, removed or inserted since each was made.
 */
@Service
public class AuditVerifier {

    private final JdbcTemplate jdbc;
    private final CheckpointFiles checkpoints;
    private final CheckpointSeal seal;

    public AuditVerifier(JdbcTemplate jdbc, CheckpointFiles checkpoints, CheckpointSeal seal) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
        this.seal = seal;
    }

    @Transactional(readOnly = true)
    public AuditVerification verify() {
        String chain = jdbc.queryForObject("select chain_id from audit_head where id = 1", String.class);
        StoredCheckpoints stored = StoredCheckpoints.load(chain, checkpoints, seal);
        CheckpointComparison comparison = new CheckpointComparison(stored.anchors());
        Walk walk = new Walk();
        jdbc.query(con -> {
            var statement = con.prepareStatement("select * from audit_entry order by id");
            statement.setFetchSize(1000);
            return statement;
        }, rs -> {
            AuditEntry entry = AuditLog.row(rs, 0);
            if (walk.broken.get() == null) {
                walk.check(entry);
            }
            comparison.entry(entry);
        });
        List<Finding> findings = new ArrayList<>(stored.findings());
        findings.addAll(comparison.findings());
        return withCheckpoints(chainItself(walk), findings, stored.anchors());
    }

    private AuditVerification chainItself(Walk walk) {
        if (walk.broken.get() != null) {
            return walk.broken.get();
        }
        var head = jdbc.queryForMap("select last_id, last_hash from audit_head where id = 1");
        if (!walk.previousHash.equals(head.get("last_hash")) || walk.lastId != ((Number) head.get("last_id")).longValue()) {
            return AuditVerification.broken(walk.checked, walk.lastId + 1,
                    "Các mục cuối của nhật ký (sau mục " + walk.lastId + ") đã bị xoá: đầu chuỗi ghi mục "
                            + head.get("last_id") + ".");
        }
        return AuditVerification.intact(walk.checked);
    }

    /** The chain's own verdict, then what the checkpoints add: broken as soon as either finds something. */
    private static AuditVerification withCheckpoints(AuditVerification chain, List<Finding> findings, List<Anchor> anchors) {
        Anchor newest = anchors.isEmpty() ? null : anchors.get(anchors.size() - 1);
        Long first = chain.firstBrokenEntry() != null ? chain.firstBrokenEntry()
                : findings.stream().map(Finding::entry).filter(Objects::nonNull).min(Long::compare).orElse(null);
        String problem = chain.problem() != null ? chain.problem() : findings.isEmpty() ? null : findings.get(0).message();
        return new AuditVerification(chain.entriesChecked(), chain.intact() && findings.isEmpty(), first, problem,
                anchors.size(), newest == null ? null : newest.entryId(), newest == null ? null : newest.time(),
                findings.stream().map(Finding::message).toList());
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
