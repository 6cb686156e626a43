package vn.hocba.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hocba.audit.checkpoint.CheckpointDocument;
import vn.hocba.audit.checkpoint.CheckpointFiles;
import vn.hocba.audit.checkpoint.CheckpointSeal;
import vn.hocba.audit.checkpoint.CheckpointSignature;
import vn.hocba.common.Sha256;

/**
 * Makes one checkpoint of the chain's head: reads the head and the entries since the previous
 * checkpoint in a transaction of its own, has the school seal sign and the TSA stamp the document
 * (outside any transaction: the head row is never held while a TSA answers), and writes the files.
 * Nothing is made when the head has not moved since the newest checkpoint, and nothing over a chain
 * that no longer agrees with that checkpoint (that is for {@code audit verify} to report).
 */
@Component
class CheckpointMaker {

    private final JdbcTemplate jdbc;
    private final CheckpointFiles files;
    private final CheckpointSeal seal;
    private final Clock clock;
    private final TransactionTemplate reads;
    private final TransactionTemplate writes;

    CheckpointMaker(JdbcTemplate jdbc, CheckpointFiles files, CheckpointSeal seal, Clock clock,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.files = files;
        this.seal = seal;
        this.clock = clock;
        this.writes = new TransactionTemplate(transactions);
        this.writes.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.reads = new TransactionTemplate(transactions);
        this.reads.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.reads.setReadOnly(true);
    }

    Optional<AuditCheckpoint> make(String occasion) {
        String chain = chainId();
        CheckpointDocument document = reads.execute(status -> draft(chain, occasion));
        if (document == null) {
            return Optional.empty();
        }
        byte[] json = document.toJson();
        CheckpointSignature.Signed signed = seal.sign(json);
        if (!files.write(chain, document.entryId(), json, signed.signature(), signed.timeStamp())) {
            return Optional.empty();
        }
        return Optional.of(new AuditCheckpoint(chain, document.entryId(), document.entryHash(), document.entries(),
                signed.time(), occasion, files.location(chain, document.entryId())));
    }

    /** When the newest checkpoint of this database's chain was made, if there is one. */
    Optional<Instant> newestTime() {
        String chain = jdbc.queryForObject("select chain_id from audit_head where id = 1", String.class);
        return chain == null ? Optional.empty() : files.newest(chain).map(stored -> read(stored).createdAt());
    }

    /** The chain's id, made at the first checkpoint. */
    private String chainId() {
        return writes.execute(status -> {
            jdbc.update("update audit_head set chain_id = ? where id = 1 and chain_id is null", UUID.randomUUID().toString());
            return jdbc.queryForObject("select chain_id from audit_head where id = 1", String.class);
        });
    }

    private CheckpointDocument draft(String chain, String occasion) {
        Map<String, Object> head = jdbc.queryForMap("select last_id, last_hash from audit_head where id = 1");
        long lastId = ((Number) head.get("last_id")).longValue();
        if (lastId == 0) {
            return null;
        }
        Optional<CheckpointFiles.Stored> newest = files.newest(chain);
        if (newest.isPresent() && newest.get().entryId() == lastId) {
            return null; // the head has not moved: another node or an earlier call anchored it
        }
        Optional<CheckpointDocument> before = newest.map(CheckpointMaker::read);
        CheckpointDocument.Previous previous = newest.map(n -> previous(n, before.get(), lastId)).orElse(null);
        List<CheckpointDocument.EntryDigest> digests = new ArrayList<>();
        jdbc.query(con -> {
            var statement = con.prepareStatement("select * from audit_entry where id > ? and id <= ? order by id");
            statement.setLong(1, previous == null ? 0 : previous.entryId());
            statement.setLong(2, lastId);
            statement.setFetchSize(1000);
            return statement;
        }, rs -> {
            AuditEntry entry = AuditLog.row(rs, 0);
            digests.add(new CheckpointDocument.EntryDigest(entry.id(), ChainHash.contentDigest(entry.canonical())));
        });
        // The previous checkpoint's count plus the entries after it, rather than a count(*) over the whole chain on
        // every signing step (a scan that grows with the log: 8 % of PostgreSQL's CPU in the 30-class benchmark's
        // subject sheets). The same number while the chain is intact; where entries before the previous
        // checkpoint were removed, the chain no longer ends in audit_head's hash either, which audit verify reports.
        long count = before.isPresent() ? before.get().entries() + digests.size()
                : jdbc.queryForObject("select count(*) from audit_entry where id <= ?", Long.class, lastId);
        return new CheckpointDocument(chain, lastId, ((String) head.get("last_hash")).trim(), count, clock.instant(),
                occasion, previous, digests);
    }

    /** The newest checkpoint as the next one's predecessor, after checking the chain still agrees with it. */
    private CheckpointDocument.Previous previous(CheckpointFiles.Stored newest, CheckpointDocument before, long lastId) {
        if (newest.entryId() > lastId) {
            throw new IllegalStateException("The audit chain ends at entry " + lastId + " but the checkpoint "
                    + newest.location() + " saw entry " + newest.entryId() + ": entries were removed (run audit verify)");
        }
        String stored = jdbc.query("select entry_hash from audit_entry where id = ?",
                rs -> rs.next() ? rs.getString(1).trim() : null, newest.entryId());
        if (!before.entryHash().equals(stored)) {
            throw new IllegalStateException("Audit entry " + newest.entryId() + " no longer has the hash the checkpoint "
                    + newest.location() + " recorded: the chain was rewritten (run audit verify)");
        }
        try {
            return new CheckpointDocument.Previous(newest.entryId(), Sha256.hex(newest.json()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CheckpointDocument read(CheckpointFiles.Stored stored) {
        try {
            return CheckpointDocument.fromJson(stored.json());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit checkpoint " + stored.location(), e);
        }
    }
}
