package vn.hocba.gradebook;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import vn.hocba.schoolyear.SchoolClass;

/**
 * The classes a transaction changed, recomputed just before it commits: still inside the
 * transaction (the stored results are never stale after commit), and before the audit entries are
 * linked into the chain. In class id order, so two transactions changing the same classes lock them
 * in the same order.
 */
final class ClassesToRecompute implements TransactionSynchronization {

    private final Map<Long, SchoolClass> classes = new TreeMap<>();
    private final Consumer<SchoolClass> recompute;

    ClassesToRecompute(Consumer<SchoolClass> recompute) {
        this.recompute = recompute;
    }

    void add(SchoolClass schoolClass) {
        classes.putIfAbsent(schoolClass.id().value(), schoolClass);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        classes.values().forEach(recompute);
        classes.clear();
    }
}
