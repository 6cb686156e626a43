package vn.hocba.gradebook;

import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
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
import vn.hocba.grading.ClassGradebook;
import vn.hocba.grading.ClassResults;
import vn.hocba.grading.RuleSets;
import vn.hocba.grading.UnsupportedRuleSetException;
import vn.hocba.grading.json.ResultsJson;
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
 */
@Service
@Transactional
public class ClassResultsStore {

    private static final Logger log = LoggerFactory.getLogger(ClassResultsStore.class);

    private final JdbcClient jdbc;
    private final ClassGradebookAssembler assembler;
    private final RuleSets rules = RuleSets.standard();
    private final ResultsJson json = new ResultsJson(true);
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
        jdbc.sql(lockClass).param(schoolClass.id().value()).query(Long.class).list();
        ClassGradebook gradebook = assembler.assemble(schoolClass);
        ClassResults results;
        try {
            results = rules.compute(gradebook);
        } catch (UnsupportedRuleSetException e) {
            log.warn("No rule set for class {}: {}", schoolClass.code(), e.getMessage());
            return Optional.empty();
        }
        store(schoolClass, results);
        return Optional.of(results);
    }

    /**
     * Recomputes and stores the class's results just before the current transaction commits, once
     * however many changes the transaction made to the class (an import of twelve subjects, say).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recomputeBeforeCommit(SchoolClass schoolClass) {
        for (var registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof ClassesToRecompute classes) {
                classes.add(schoolClass);
                return;
            }
        }
        ClassesToRecompute classes = new ClassesToRecompute(this::recompute);
        classes.add(schoolClass);
        TransactionSynchronizationManager.registerSynchronization(classes);
    }

    /** The stored results document (hocba.class-results/1 with explanations), if computed. */
    @Transactional(readOnly = true)
    public Optional<String> stored(SchoolClass schoolClass) {
        return jdbc.sql("select results from class_results where class_id = ?").param(schoolClass.id().value())
                .query(String.class).optional();
    }

    /** Replaces the class's row in place (the class lock is held, so nobody inserts it meanwhile). */
    private void store(SchoolClass schoolClass, ClassResults results) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        String document = json.write(results);
        int updated = jdbc.sql("update class_results set computed_at = ?, complete = ?, results = ? where class_id = ?")
                .params(now, results.complete(), document, schoolClass.id().value()).update();
        if (updated == 0) {
            jdbc.sql("insert into class_results (class_id, computed_at, complete, results) values (?, ?, ?, ?)")
                    .params(schoolClass.id().value(), now, results.complete(), document).update();
        }
    }

    private static boolean postgres(DataSource dataSource) {
        try {
            return "PostgreSQL".equals(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Cannot tell which database holds the gradebook", e);
        }
    }
}
