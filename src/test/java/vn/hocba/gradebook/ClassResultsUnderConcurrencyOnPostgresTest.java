package vn.hocba.gradebook;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditVerifier;
import vn.hocba.grading.json.ResultsJson;
import vn.hocba.schoolyear.AssessedBy;
import vn.hocba.schoolyear.ColumnRange;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.TeachingAssignment;
import vn.hocba.support.EmbeddedPostgresDatabases;
import vn.hocba.support.TemporaryDataDirectory;

/** Stored class results stay right when several teachers of one class save at the same time (real PostgreSQL). */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
class ClassResultsUnderConcurrencyOnPostgresTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabases.register(registry, "class_results_concurrency");
        // Its own data directory: the audit check compares with the checkpoints kept there.
        TemporaryDataDirectory.register(registry, "hocba-results-concurrency");
    }

    @Autowired
    MarkSheets sheets;
    @Autowired
    ClassResultsStore results;
    @Autowired
    SchoolDirectory directory;
    @Autowired
    AuditVerifier audit;
    @Autowired
    TransactionTemplate tx;

    @Test
    void twoSubjectsOfOneClassSavedAtTheSameMomentBothReachTheStoredResults() {
        List<TeachingAssignment> twoSubjects = twoScoreSubjectsOfOneClass();
        SchoolClass schoolClass = twoSubjects.get(0).schoolClass();
        String before = results.stored(schoolClass).orElseThrow();
        // Each save waits, after computing its results and before committing, until the other has computed
        // too (at most a second): without a per-class guard both would compute without the other's marks.
        CountDownLatch bothComputed = new CountDownLatch(2);
        List<CompletableFuture<Void>> saves = new ArrayList<>();
        for (TeachingAssignment t : twoSubjects) {
            List<CellChange> column = newEndOfTermMarks(t);
            saves.add(CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> {
                sheets.save(schoolClass, t.subject().id(), 1, List.of(ColumnRange.WHOLE), column,
                        new Actor("gv-" + t.subject().code(), "SUBJECT_TEACHER", "10.0.0.9"));
                TransactionSynchronizationManager.registerSynchronization(new WaitForTheOther(bothComputed));
            })));
        }
        saves.forEach(CompletableFuture::join);

        String stored = results.stored(schoolClass).orElseThrow();
        assertThat(stored).isNotEqualTo(before);
        assertThat(stored).as("stored results equal those computed from every committed mark")
                .isEqualTo(new ResultsJson(true).write(results.compute(schoolClass)));
        assertThat(audit.verify().intact()).isTrue();
    }

    private List<TeachingAssignment> twoScoreSubjectsOfOneClass() {
        var year = directory.activeYear(directory.schools().get(0).id()).orElseThrow();
        List<TeachingAssignment> all = directory.teachingAssignmentsOfYear(year.id());
        SchoolClass first = all.get(0).schoolClass();
        return all.stream().filter(t -> t.schoolClass().id().equals(first.id()))
                .filter(t -> t.subject().assessment() == AssessedBy.SCORE)
                .filter(t -> !t.subject().code().equals("LS_DL"))
                .map(t -> t.subject().code()).distinct().limit(2)
                .map(code -> all.stream().filter(t -> t.schoolClass().id().equals(first.id()) && t.subject().code().equals(code))
                        .findFirst().orElseThrow())
                .toList();
    }

    /** Every student's term I end-of-term mark changed (2.0, or 3.0 where it already is 2.0). */
    private List<CellChange> newEndOfTermMarks(TeachingAssignment t) {
        MarkSheet sheet = sheets.sheet(t.schoolClass(), t.subject().id(), 1);
        List<CellChange> changes = new ArrayList<>();
        for (MarkSheet.Student s : sheet.students()) {
            MarkCell stored = sheet.cells().stream().filter(c -> c.studentId() == s.id() && c.kind() == MarkKind.FINAL)
                    .findFirst().orElse(null);
            String value = stored != null && CellValue.of(stored.value()).sameAs("2") ? "3.0" : "2.0";
            changes.add(new CellChange(s.id(), MarkKind.FINAL, 1, value, stored == null ? null : stored.version()));
        }
        return changes;
    }

    /** Runs after the results are recomputed and before the audit entries and the commit. */
    private record WaitForTheOther(CountDownLatch bothComputed) implements TransactionSynchronization {

        @Override
        public int getOrder() {
            return 0;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            bothComputed.countDown();
            try {
                bothComputed.await(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
