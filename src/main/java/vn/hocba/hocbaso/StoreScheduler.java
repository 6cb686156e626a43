package vn.hocba.hocbaso;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the submissions to the national store moving: sends again what is due for a retry
 * ({@link StoreSubmissions#retryDue}) and asks the store about every message sent and not yet processed
 * ({@link StoreSubmissions#poll}). Runs only when a national store is configured
 * ({@code hocba.hocbaso.store.url}) and {@code hocba.hocbaso.store.schedule-enabled} is not false; the interval is
 * {@code hocba.hocbaso.store.poll-interval} (default 5 minutes).
 */
@Component
@ConditionalOnProperty(name = "hocba.hocbaso.store.schedule-enabled", havingValue = "true", matchIfMissing = true)
class StoreScheduler {

    private static final Logger log = LoggerFactory.getLogger(StoreScheduler.class);

    private final StoreSubmissions submissions;
    private final ObjectProvider<NationalStore> store;

    StoreScheduler(StoreSubmissions submissions, ObjectProvider<NationalStore> store) {
        this.submissions = submissions;
        this.store = store;
    }

    @Scheduled(initialDelayString = "${hocba.hocbaso.store.poll-interval:PT5M}",
            fixedDelayString = "${hocba.hocbaso.store.poll-interval:PT5M}")
    void run() {
        if (store.getIfAvailable() == null) {
            return;
        }
        try {
            submissions.retryDue();
            submissions.open().forEach(submissions::poll);
        } catch (RuntimeException e) {
            log.warn("National store round failed (will try again): {}", e.toString());
        }
    }
}
