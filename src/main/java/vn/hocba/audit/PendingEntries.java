package vn.hocba.audit;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * The audit entries of one transaction, linked into the chain in {@link #beforeCommit}: still
 * inside the transaction (a failure there rolls the change back), and after every other
 * before-commit step (such as recomputing results), so the chain's head is locked last and only
 * for the few milliseconds from linking to commit.
 */
final class PendingEntries implements TransactionSynchronization {

    private final AuditChain chain;
    private final List<AuditEntry> drafts = new ArrayList<>();

    PendingEntries(AuditChain chain) {
        this.chain = chain;
    }

    void add(AuditEntry draft) {
        drafts.add(draft);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        if (!drafts.isEmpty()) {
            chain.link(drafts);
            drafts.clear();
        }
    }
}
