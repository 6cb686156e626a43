package vn.hocba.hocbaso;

import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;

/**
 * The record versions this server stored last, as the documents they were written from and their bytes, by the
 * SHA-256 of the stored bytes ({@link SignedRecords.StoredRecord#sha256}): the next signer of the same record (the
 * next subject teacher of the class, a few seconds later) signs further on that document instead of reading and
 * parsing the stored bytes again. Keyed by content, so a document found here is exactly the stored version
 * the database names. A document is handed out once ({@link #take}: whoever takes it may change it; a second
 * signer of the same version at the same moment reads the stored bytes as before). Bounded: the least
 * recently stored are dropped ({@code hocba.hocbaso.recent-records}, default 160 records, four classes of 40; ≈ 1 MB
 * of heap a record, its bytes ≈ 0.15 MB of it). The bytes let the next step copy the record around its new signature
 * instead of writing it all again ({@link XmlBytes#withSignature}).
 */
@Component
class RecentRecordDocuments {

    /** A stored version: the document it was written from and the bytes it was written as. */
    record Stored(Document doc, byte[] bytes) {
    }

    private final LeastRecentlyUsed<String, Stored> bySha256;

    RecentRecordDocuments(@Value("${hocba.hocbaso.recent-records:160}") int capacity) {
        this.bySha256 = new LeastRecentlyUsed<>(capacity);
    }

    /** The document whose bytes hash to {@code sha256}, and those bytes, removed from here; empty when not kept. */
    Optional<Stored> take(String sha256) {
        return bySha256.take(sha256);
    }

    /** Keeps {@code doc}, stored as {@code bytes}, which hash to {@code sha256}; the caller no longer changes it. */
    void keep(String sha256, Document doc, byte[] bytes) {
        bySha256.put(sha256, new Stored(doc, bytes));
    }
}
