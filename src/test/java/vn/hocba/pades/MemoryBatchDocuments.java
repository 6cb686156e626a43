package vn.hocba.pades;

import java.util.HashMap;
import java.util.Map;

/** Documents kept in memory, for batches whose outcome a test inspects. */
class MemoryBatchDocuments implements BatchDocuments {

    private final Map<String, byte[]> documents = new HashMap<>();

    MemoryBatchDocuments with(String documentId, byte[] pdf) {
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
