package vn.hocba.gradebook;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import vn.hocba.schoolyear.SchoolClass;

/**
 * The classes a transaction changed, recomputed just before it commits: still inside the
 * transaction (the stored results are never stale after commit), and before the audit entries are
 * linked into the chain. In class id order, so two transactions changing the same classes lock them
 * in the same order. For each class it remembers whose marks changed, so that only those subjects'
 * parts of the stored results are rewritten.
 */
final class ClassesToRecompute implements TransactionSynchronization {

    /** The subjects (codes) whose marks changed in a class; {@code every} when it may be any of them. */
    record Changed(SchoolClass schoolClass, Set<String> subjects, boolean every) {

        boolean includes(String subject) {
            return every || subjects.contains(subject);
        }
    }

    private final Map<Long, Changed> classes = new TreeMap<>();
    private final Consumer<Changed> recompute;

    ClassesToRecompute(Consumer<Changed> recompute) {
        this.recompute = recompute;
    }

    /** Any of the class's subjects may have changed (or its roster, or conduct: everything is rewritten). */
    void add(SchoolClass schoolClass) {
        classes.put(schoolClass.id().value(), new Changed(schoolClass, Set.of(), true));
    }

    /** Only the marks of {@code subject} changed in the class. */
    void add(SchoolClass schoolClass, String subject) {
        Changed known = classes.get(schoolClass.id().value());
        if (known == null || !known.every()) {
            Set<String> subjects = new HashSet<>(known == null ? Set.of() : known.subjects());
            subjects.add(subject);
            classes.put(schoolClass.id().value(), new Changed(schoolClass, subjects, false));
        }
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
