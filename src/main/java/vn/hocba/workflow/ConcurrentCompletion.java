package vn.hocba.workflow;

import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hocba.common.Rejected;

/**
 * Runs a step (domain change + task completion) in its own transaction and repeats it when the
 * engine reports an {@link OptimisticLockingException}: two teachers completing sign-offs of the
 * same multi-instance at the same moment both succeed, one of them on the second attempt.
 */
@Component
class ConcurrentCompletion {

    private static final Logger log = LoggerFactory.getLogger(ConcurrentCompletion.class);
    private static final int ATTEMPTS = 5;

    private final TransactionTemplate transactions;

    ConcurrentCompletion(TransactionTemplate transactions) {
        this.transactions = transactions;
    }

    <T> T run(String what, Supplier<T> step) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> step.get());
            } catch (OptimisticLockingException e) {
                if (attempt == ATTEMPTS) {
                    throw Rejected.conflict("Có nhiều người thao tác cùng lúc; hãy thử lại sau giây lát.");
                }
                log.info("Concurrent completion of {}, attempt {} of {}", what, attempt, ATTEMPTS);
            }
        }
    }
}
