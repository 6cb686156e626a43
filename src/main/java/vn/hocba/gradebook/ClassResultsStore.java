package vn.hocba.gradebook;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
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

    public ClassResultsStore(JdbcClient jdbc, ClassGradebookAssembler assembler, Clock clock) {
        this.jdbc = jdbc;
        this.assembler = assembler;
        this.clock = clock;
    }

    /** Computes the class's results from its stored gradebook (nothing stored). */
    @Transactional(readOnly = true)
    public ClassResults compute(SchoolClass schoolClass) {
        return rules.compute(assembler.assemble(schoolClass));
    }

    /** Recomputes and stores the class's results; returns them, or empty for a cohort without a rule set yet. */
    public Optional<ClassResults> recompute(SchoolClass schoolClass) {
        ClassGradebook gradebook = assembler.assemble(schoolClass);
        ClassResults results;
        try {
            results = rules.compute(gradebook);
        } catch (UnsupportedRuleSetException e) {
            log.warn("No rule set for class {}: {}", schoolClass.code(), e.getMessage());
            return Optional.empty();
        }
        jdbc.sql("delete from class_results where class_id = ?").param(schoolClass.id().value()).update();
        jdbc.sql("insert into class_results (class_id, computed_at, complete, results) values (?, ?, ?, ?)")
                .params(schoolClass.id().value(), OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                        results.complete(), json.write(results))
                .update();
        return Optional.of(results);
    }

    /** The stored results document (hocba.class-results/1 with explanations), if computed. */
    @Transactional(readOnly = true)
    public Optional<String> stored(SchoolClass schoolClass) {
        return jdbc.sql("select results from class_results where class_id = ?").param(schoolClass.id().value())
                .query(String.class).optional();
    }
}
