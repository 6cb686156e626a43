package vn.hocba.documents;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs class generations in the background, one at a time: rendering is CPU-bound, so running
 * classes side by side would only slow each down (and the school's requests with them). A run
 * that fails records why in its row; one cut short by a shutdown is resumed by the next request.
 */
@Component
class GenerationJobs {

    private static final Logger log = LoggerFactory.getLogger(GenerationJobs.class);

    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "document-generation");
        thread.setDaemon(true);
        return thread;
    });

    /** Runs {@code work}, then {@code always} (also when the work fails or is never run). */
    void submit(GenerationClaims.Claim claim, Runnable work, Runnable always) {
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.warn("Document generation run {} of class {} stopped: {}", claim.run().id(), claim.classId(),
                            e.toString());
                } finally {
                    always.run();
                }
            });
        } catch (RejectedExecutionException e) {
            always.run();
            throw e;
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
