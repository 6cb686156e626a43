package vn.hocba.documents;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hocba.audit.Actor;
import vn.hocba.common.Rejected;

/**
 * Which generation runs are active, one per class: first in this process (an in-memory set), then across
 * the nodes sharing the database (the class's {@link GenerationLeases lease}); a request either starts a
 * new run or resumes the class's unfinished one (failed, or left RUNNING by a process that died, once its
 * lease has expired), so a run's documents are always published together and never issued twice. Each
 * claim of a run is recorded with its node ({@code document_generation_claim}).
 */
@Component
class GenerationClaims {

    private static final Logger log = LoggerFactory.getLogger(GenerationClaims.class);

    /** The runs to execute for one request, in order: an unfinished earlier run first, if any. */
    record Claim(long classId, Optional<GenerationRun> earlier, GenerationRun run) {
    }

    private final Set<Long> active = ConcurrentHashMap.newKeySet();
    private final DocumentGenerations generations;
    private final GenerationLeases leases;
    private final TransactionTemplate transactions;
    private final Clock clock;

    GenerationClaims(DocumentGenerations generations, GenerationLeases leases,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.generations = generations;
        this.leases = leases;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Claims the class for a run of {@code kinds}; refused while a run of the class is active here or on another node. */
    Claim claim(long classId, String classCode, AssessmentScope scope, Set<DocumentKind> kinds, Actor by) {
        if (!active.add(classId)) {
            throw busy(classCode);
        }
        try {
            GenerationLeases.Taken lease = leases.take(classId).orElseThrow(() -> busy(classCode));
            return transactions.execute(status -> {
                Claim claim = runs(classId, classCode, scope, kinds, by);
                claim.earlier().ifPresent(earlier -> generations.claimed(earlier.id(), leases.node(), clock.instant(),
                        lease.overFrom()));
                generations.claimed(claim.run().id(), leases.node(), clock.instant(), lease.overFrom());
                return claim;
            });
        } catch (RuntimeException e) {
            leases.release(classId);
            active.remove(classId);
            throw e;
        }
    }

    private Claim runs(long classId, String classCode, AssessmentScope scope, Set<DocumentKind> kinds, Actor by) {
        Optional<GenerationRun> unfinished = generations.unfinished(classId);
        unfinished.ifPresent(u -> {
            log.warn("Class {}: resuming unfinished document generation {} ({} of {} done)", classCode, u.id(),
                    u.done(), u.total());
            generations.resumed(u.id());
        });
        if (unfinished.isPresent() && unfinished.get().scope() == scope && unfinished.get().kinds().equals(kinds)) {
            return new Claim(classId, Optional.empty(), generations.find(unfinished.get().id()).orElseThrow());
        }
        long id = generations.start(classId, scope, kinds, by.username(), clock.instant());
        return new Claim(classId, unfinished, generations.find(id).orElseThrow());
    }

    void release(Claim claim) {
        leases.release(claim.classId());
        active.remove(claim.classId());
    }

    private static Rejected busy(String classCode) {
        return Rejected.conflict("Văn bản của lớp " + classCode + " đang được tạo; hãy theo dõi tiến độ và chờ "
                + "lần tạo này xong rồi mới tạo lại.");
    }
}
