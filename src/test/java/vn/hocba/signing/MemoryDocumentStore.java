package vn.hocba.signing;

import java.util.HashMap;
import java.util.Map;

/** Documents kept in memory, for batches whose outcome a test inspects. */
final class MemoryDocumentStore implements DocumentStore {

    private final Map<String, byte[]> documents = new HashMap<>();

    MemoryDocumentStore with(String documentId, byte[] pdf) {
        documents.put(documentId, pdf.clone());
        return this;
    }

    @Override
    public byte[] read(String documentId) {
        return documents.get(documentId).clone();
    }

    @Override
    public void replace(String documentId, byte[] signed) {
        documents.put(documentId, signed.clone());
    }
}
