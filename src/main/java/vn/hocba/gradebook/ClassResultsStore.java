package vn.hocba.gradebook;

import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.hocba.common.Sha256;
import vn.hocba.grading.ClassGradebook;
import vn.hocba.grading.ClassResults;
import vn.hocba.grading.RuleSets;
import vn.hocba.grading.UnsupportedRuleSetException;
import vn.hocba.grading.SubjectCode;
import vn.hocba.grading.json.ResultsJson;
import vn.hocba.grading.json.ResultsParts;
import vn.hocba.schoolyear.SchoolClass;

/**
 * Keeps each class's computed results (averages, learning and conduct levels, promotion, titles,
 * with the engine's explanations) in step with its gradebook: every change recomputes the class.
 * A class is 35 students; the engine computes well over 100 000 students a second, so recomputing
 * the whole class is simpler and as fast as working out what a change affects.
 *
 * <p>A recompute first locks the class's row until commit: two transactions changing the same class
 * (say two subjects) then recompute one after the other, the second reading the first one's
 * committed marks, so the stored results never miss a committed change.
 *
 * <p>The document is stored in parts ({@link ResultsParts}, V43): a save of one subject's marks
 * rewrites that subject's part and the class part only (the other subjects' term and year results
 * depend on their own marks alone); the parts are put back together when read.
 */
@Service
@Transactional
public class ClassResultsStore {

    private static final Logger log = LoggerFactory.getLogger(ClassResultsStore.class);

    private final JdbcClient jdbc;
    private final ClassGradebookAssembler assembler;
    private final RuleSets rules = RuleSets.standard();
    private final ResultsParts parts = new ResultsParts();
    private final Clock clock;
    private final String lockClass;

    public ClassResultsStore(JdbcClient jdbc, ClassGradebookAssembler assembler, Clock clock, DataSource dataSource) {
        this.jdbc = jdbc;
        this.assembler = assembler;
        this.clock = clock;
        // On PostgreSQL a plain FOR UPDATE would also wait for every transaction that merely inserted a row
        // referring to the class (a mark, an absence: foreign keys take KEY SHARE locks) and deadlock with them.
        this.lockClass = "select id from school_class where id = ? for " + (postgres(dataSource) ? "no key update" : "update");
    }

    /** Computes the class's results from its stored gradebook (nothing stored). */
    @Transactional(readOnly = true)
    public ClassResults compute(SchoolClass schoolClass) {
        return rules.compute(assembler.assemble(schoolClass));
    }

    /** Recomputes and stores the class's results now; returns them, or empty for a cohort without a rule set yet. */
    public Optional<ClassResults> recompute(SchoolClass schoolClass) {
        return recompute(schoolClass, subject -> true);
    }

    /**
     * Holds the class's row until the transaction ends, as a recompute does: whoever else takes it (a recompute,
     * a subject sign-off of the class) waits for this transaction's commit and then reads what it committed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockUntilCommit(SchoolClass schoolClass) {
        jdbc.sql(lockClass).param(schoolClass.id().value()).query(Long.class).list();
    }

    private Optional<ClassResults> recompute(SchoolClass schoolClass, Predicate<String> changedSubjects) {
        lockUntilCommit(schoolClass);
        ClassGradebook gradebook = assembler.assemble(schoolClass);
        ClassResults results;
        try {
            results = rules.compute(gradebook);
        } catch (UnsupportedRuleSetException e) {
            log.warn("No rule set for class {}: {}", schoolClass.code(), e.getMessage());
            return Optional.empty();
        }
        store(schoolClass, results, changedSubjects);
        return Optional.of(results);
    }

    /**
     * Recomputes and stores the class's results just before the current transaction commits, once
     * however many changes the transaction made to the class (an import of twelve subjects, say).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recomputeBeforeCommit(SchoolClass schoolClass) {
        toRecompute().add(schoolClass);
    }

    /** As {@link #recomputeBeforeCommit(SchoolClass)} when only the marks of {@code subjectCode} changed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recomputeBeforeCommit(SchoolClass schoolClass, String subjectCode) {
        toRecompute().add(schoolClass, subjectCode);
    }

    private ClassesToRecompute toRecompute() {
        for (var registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof ClassesToRecompute classes) {
                return classes;
            }
        }
        ClassesToRecompute classes = new ClassesToRecompute(changed -> recompute(changed.schoolClass(), changed::includes));
        TransactionSynchronizationManager.registerSynchronization(classes);
        return classes;
    }

    /**
     * The stored results document (hocba.class-results/1 with explanations), if computed and its
     * parts still fit together (a student added since would leave the subjects' parts stale).
     */
    @Transactional(readOnly = true)
    public Optional<String> stored(SchoolClass schoolClass) {
        Optional<String> classPart = jdbc.sql("select results from class_results where class_id = ?")
                .param(schoolClass.id().value()).query(String.class).optional();
        if (classPart.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> subjects = new HashMap<>();
        jdbc.sql("select subject, results from class_results_subject where class_id = ?").param(schoolClass.id().value())
                .query((rs, n) -> subjects.put(rs.getString(1), rs.getString(2))).list();
        return parts.compose(classPart.get(), code -> Optional.ofNullable(subjects.get(code)));
    }

    /** The results document as stored, or computed now when it is not (yet) stored. */
    @Transactional(readOnly = true)
    public String document(SchoolClass schoolClass) {
        return stored(schoolClass).orElseGet(() -> new ResultsJson(true).write(compute(schoolClass)));
    }

    /**
     * Replaces the class part in place, and the parts of the subjects whose marks changed (the class
     * lock is held, so nobody inserts them meanwhile); every part when the class had none yet. A part
     * that came out as stored (same SHA-256) is left alone: most saves change no class-level result.
     */
    private void store(SchoolClass schoolClass, ClassResults results, Predicate<String> changedSubjects) {
        long id = schoolClass.id().value();
        String classPart = parts.classPart(results);
        String classHash = Sha256.hex(classPart);
        Optional<StoredPart> stored = jdbc.sql("select complete, coalesce(results_sha256, '') from class_results where class_id = ?")
                .param(id).query((rs, n) -> new StoredPart(rs.getBoolean(1), rs.getString(2))).optional();
        boolean first = stored.isEmpty();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        if (first) {
            jdbc.sql("insert into class_results (class_id, computed_at, complete, results, results_sha256) values (?, ?, ?, ?, ?)")
                    .params(id, now, results.complete(), classPart, classHash).update();
        } else if (stored.get().complete() != results.complete() || !stored.get().sha256().equals(classHash)) {
            jdbc.sql("update class_results set computed_at = ?, complete = ?, results = ?, results_sha256 = ? where class_id = ?")
                    .params(now, results.complete(), classPart, classHash, id).update();
        }
        Map<String, String> storedSubjects = new HashMap<>();
        jdbc.sql("select subject, coalesce(results_sha256, '') from class_results_subject where class_id = ?").param(id)
                .query((rs, n) -> storedSubjects.put(rs.getString(1), rs.getString(2))).list();
        for (SubjectCode subject : subjects(results)) {
            if (first || changedSubjects.test(subject.value())) {
                String part = parts.subjectPart(results, subject);
                String hash = Sha256.hex(part);
                String storedHash = storedSubjects.get(subject.value());
                if (storedHash == null) {
                    jdbc.sql("insert into class_results_subject (class_id, subject, results, results_sha256) values (?, ?, ?, ?)")
                            .params(id, subject.value(), part, hash).update();
                } else if (!storedHash.equals(hash)) {
                    jdbc.sql("update class_results_subject set results = ?, results_sha256 = ? where class_id = ? and subject = ?")
                            .params(part, hash, id, subject.value()).update();
                }
            }
        }
    }

    /** What a stored class part's row says about it (the hash is empty for rows stored before V260). */
    private record StoredPart(boolean complete, String sha256) {
    }

    private static Set<SubjectCode> subjects(ClassResults results) {
        return results.students().isEmpty() ? Set.of() : results.students().get(0).subjects().keySet();
    }

    private static boolean postgres(DataSource dataSource) {
        try {
            return "PostgreSQL".equals(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Cannot tell which database holds the gradebook", e);
        }
    }
}
