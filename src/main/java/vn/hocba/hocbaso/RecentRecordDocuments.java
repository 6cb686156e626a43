package vn.hocba.hocbaso;

import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;

/**
 * The record versions this server stored last, as the documents they were written from, by the SHA-256 of
 * the stored bytes ({@link SignedRecords.StoredRecord#sha256}): the next signer of the same record (the next
 * subject teacher of the class, a few seconds later) signs further on that document instead of reading and
 * parsing the stored bytes again. Keyed by content, so a document found here is exactly the stored version
 * the database names. A document is handed out once ({@link #take}: whoever takes it may change it; a second
 * signer of the same version at the same moment reads the stored bytes as before). Bounded: the least
 * recently stored are dropped ({@code hocba.hocbaso.recent-records}, default 160 records, four classes of 40).
 */
@Component
class RecentRecordDocuments {

    private final LeastRecentlyUsed<String, Document> bySha256;

    RecentRecordDocuments(@Value("${hocba.hocbaso.recent-records:160}") int capacity) {
        this.bySha256 = new LeastRecentlyUsed<>(capacity);
    }

    /** The document whose bytes hash to {@code sha256}, removed from here; empty when not kept. */
    Optional<Document> take(String sha256) {
        return bySha256.take(sha256);
    }

    /** Keeps {@code doc}, whose bytes as stored hash to {@code sha256}; the caller no longer changes it. */
    void keep(String sha256, Document doc) {
        bySha256.put(sha256, doc);
    }
}
