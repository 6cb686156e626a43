package vn.hocba.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Anchors the audit chain outside the database: a checkpoint of the chain's head (entry id, hash,
 * number of entries, time), signed with the school seal and time-stamped by the TSA, kept under
 * {@code ${hocba.data-dir}/audit-checkpoints}. Made at every gradebook lock and signing batch
 * ({@link #anchor}) and at least once a day ({@link #anchorWhenDue}); {@link AuditVerifier} checks the
 * chain against them, so that rewriting the chain (even recomputing every hash) or cutting its tail is
 * found. Idempotent across nodes sharing a database and data directory: nothing is made when the head
 * has not moved, and of two nodes anchoring the same head only one writes.
 */
@Service
public class AuditCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

    private final CheckpointMaker maker;
    private final Clock clock;
    private final Duration maxAge;

    AuditCheckpoints(CheckpointMaker maker, Clock clock,
            @Value("${hocba.audit.checkpoints.max-age:PT23H}") Duration maxAge) {
        this.maker = maker;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /**
     * Anchors the head once the current transaction has committed (at once when there is none), e.g.
     * "khoá sổ lock 12 7A1 HK1". Never fails the caller: a checkpoint that cannot be made (TSA down) is
     * logged, and the next one covers the same entries.
     */
    public void anchor(String occasion) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    anchorQuietly(occasion);
                }
            });
        } else {
            anchorQuietly(occasion);
        }
    }

    /**
     * Makes a checkpoint now; empty when the head has not moved since the newest one.
     *
     * @throws IllegalStateException when it cannot be made (seal, TSA, or a chain that no longer agrees
     *                               with the newest checkpoint)
     */
    public Optional<AuditCheckpoint> anchorNow(String occasion) {
        Optional<AuditCheckpoint> made = maker.make(occasion);
        made.ifPresent(c -> log.info("Audit checkpoint: entry {} ({} entries), {} [{}]", c.entryId(), c.entries(),
                c.location(), occasion));
        return made;
    }

    /**
     * The daily checkpoint: checked every hour ({@code hocba.audit.checkpoints.schedule}, "-" turns it
     * off), made when the newest checkpoint is older than {@code hocba.audit.checkpoints.max-age}
     * (23 h) and the head has moved since.
     */
    @Scheduled(cron = "${hocba.audit.checkpoints.schedule:0 5 * * * *}")
    public void anchorWhenDue() {
        try {
            if (maker.newestTime().map(t -> t.plus(maxAge).isBefore(clock.instant())).orElse(true)) {
                anchorQuietly("hằng ngày");
            }
        } catch (RuntimeException e) {
            log.error("Daily audit checkpoint failed: {}", e.toString());
        }
    }

    private void anchorQuietly(String occasion) {
        try {
            anchorNow(occasion);
        } catch (RuntimeException e) {
            log.error("Audit checkpoint ({}) not made: {}", occasion, e.toString(), e);
        }
    }
}
