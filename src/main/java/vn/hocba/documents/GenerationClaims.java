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
 * Which generation runs are active in this process, one per class: a request either starts a new
 * run or resumes the class's unfinished one (failed, or left RUNNING by a process that died), so
 * a run's documents are always published together and never issued twice.
 */
@Component
class GenerationClaims {

    private static final Logger log = LoggerFactory.getLogger(GenerationClaims.class);

    /** The runs to execute for one request, in order: an unfinished earlier run first, if any. */
    record Claim(long classId, Optional<GenerationRun> earlier, GenerationRun run) {
    }

    private final Set<Long> active = ConcurrentHashMap.newKeySet();
    private final DocumentGenerations generations;
    private final TransactionTemplate transactions;
    private final Clock clock;

    GenerationClaims(DocumentGenerations generations, PlatformTransactionManager transactionManager, Clock clock) {
        this.generations = generations;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Claims the class for a run of {@code kinds}; refused while a run of the class is active here. */
    Claim claim(long classId, String classCode, AssessmentScope scope, Set<DocumentKind> kinds, Actor by) {
        if (!active.add(classId)) {
            throw Rejected.conflict("Văn bản của lớp " + classCode + " đang được tạo; hãy theo dõi tiến độ và chờ "
                    + "lần tạo này xong rồi mới tạo lại.");
        }
        try {
            return transactions.execute(status -> {
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
            });
        } catch (RuntimeException e) {
            active.remove(classId);
            throw e;
        }
    }

    void release(Claim claim) {
        active.remove(claim.classId());
    }
}
