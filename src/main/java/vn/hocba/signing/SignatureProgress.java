package vn.hocba.signing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code document_signature} rows and DOCUMENT_SIGNED audit entries of one signing batch, written a few
 * documents at a time in one transaction instead of one transaction per document (a commit with its audit-chain
 * link per document was a sixth of a homeroom batch). What a batch killed before a flush leaves unrecorded is
 * what a kill between writing a file and its transaction always left: the resumed batch finds those files signed
 * by this certificate, records them and writes their missing audit entries ({@link SignatureStep}). Each row keeps
 * the moment its document was done.
 */
final class SignatureProgress {

    /** Documents per transaction: a bounded loss on a crash, few commits for a class's 41–81 documents. */
    static final int DOCUMENTS_PER_TRANSACTION = 16;

    /** One document done: written in the transaction of its flush. */
    record Done(String documentId, String sha256, boolean newlySigned, boolean stageFile, Instant at) {
    }

    private final TransactionTemplate transactions;
    private final Consumer<Done> write;
    private final List<Done> pending = new ArrayList<>();

    /** {@code write} records and audits one document inside the flush's transaction. */
    SignatureProgress(TransactionTemplate transactions, Consumer<Done> write) {
        this.transactions = transactions;
        this.write = write;
    }

    void done(Done document) {
        pending.add(document);
        if (pending.size() >= DOCUMENTS_PER_TRANSACTION) {
            flush();
        }
    }

    /** Writes what is pending in one transaction, in the order the documents were done. */
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<Done> batch = List.copyOf(pending);
        transactions.executeWithoutResult(status -> batch.forEach(write));
        pending.clear();
    }
}
