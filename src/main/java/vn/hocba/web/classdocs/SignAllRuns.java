package vn.hocba.web.classdocs;

import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.hocba.audit.Actor;
import vn.hocba.pades.BatchSigner;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.workflow.ClassDocumentsWorkflow;

/**
 * "Ký tất cả" in the background: the principal's batch for a class runs on the server while the page
 * polls the progress recorded in {@code document_signature}. Closing the tab changes nothing; after a
 * restart the batch is simply started again and skips what is already signed (the batch signer is
 * idempotent). Only the outcome of the last run (errors per document) is held here, in memory.
 */
@Component
class SignAllRuns {

    private static final Logger log = LoggerFactory.getLogger(SignAllRuns.class);

    /** The last run of a class: running, or finished with how many were signed and what failed. */
    record Run(boolean running, Instant startedAt, String startedBy, Integer signed, Map<String, String> failed,
            String error) {
    }

    private final ClassDocumentsWorkflow workflow;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "sign-all");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Long, Run> runs = new ConcurrentHashMap<>();

    SignAllRuns(ClassDocumentsWorkflow workflow) {
        this.workflow = workflow;
    }

    /** Starts the principal's batch for the class unless one is running; false when one already is. */
    boolean start(SchoolClass schoolClass, Actor by) {
        long id = schoolClass.id().value();
        Run started = new Run(true, Instant.now(), by.username(), null, Map.of(), null);
        if (runs.compute(id, (k, old) -> old != null && old.running() ? old : started) != started) {
            return false;
        }
        executor.submit(() -> {
            try {
                BatchSigner.Result result = workflow.principalSigns(schoolClass, by);
                runs.put(id, new Run(false, started.startedAt(), by.username(),
                        result.signed().size() + result.alreadySigned().size(), result.failed(), null));
            } catch (RuntimeException e) {
                log.warn("Sign-all of class {} failed: {}", schoolClass.code(), e.getMessage());
                runs.put(id, new Run(false, started.startedAt(), by.username(), null, Map.of(), e.getMessage()));
            }
        });
        return true;
    }

    Run last(long classId) {
        return runs.get(classId);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
