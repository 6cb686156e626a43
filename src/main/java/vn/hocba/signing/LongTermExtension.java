package vn.hocba.signing;

import java.time.Clock;
import vn.hocba.common.Rejected;
import vn.hocba.common.Sha256;
import java.util.ArrayList;
import java.util.List;
import vn.hocba.documents.IssuedDocument;
import vn.hocba.pades.SigningChain;
import vn.hocba.pades.TimeStampSource;

/**
 * The last stage of every signed document of a class: validation data (/DSS) and a document
 * time-stamp (PAdES B-LT, B-LTA), once, after its last signature. A document already extended
 * is skipped, so a retried job extends only what is left.
 */
final class LongTermExtension {

    private final SigningChain chain;
    private final DocumentSignatures signatures;
    private final Clock clock;

    LongTermExtension(SigningChain chain, DocumentSignatures signatures, Clock clock) {
        this.chain = chain;
        this.signatures = signatures;
        this.clock = clock;
    }

    /** Extends every document of the class not extended yet. */
    void extend(ClassYearDocuments documents) {
        extend(documents, documents.all());
    }

    /** Extends the documents {@code ids} of the class that are not extended yet. */
    void extend(ClassYearDocuments documents, List<String> ids) {
        // The class's recorded hashes in one query instead of one per document read (a stage recorded later is
        // still looked up on its own).
        documents = documents.recordedAs(signatures.recordedOfClass(documents.schoolClass().id().value()));
        SignedFiles store = documents.store(SigningStage.LONG_TERM);
        List<String> toExtend = new ArrayList<>();
        for (IssuedDocument document : documents.documents()) {
            if (!ids.contains(document.id())) {
                continue;
            }
            if (store.hasStage(document.id())) {
                // A job killed after writing this file but before its transaction committed left the file without
                // its document_signature row (the retry used to skip it: a signed file nobody recorded, issue 18).
                // document_signature is the record of every stage a document went through (its hash is what reads check).
                signatures.record(document.id(), SigningStage.LONG_TERM, documents.schoolClass().id().value(),
                        "PAdES-BASELINE-LTA", Sha256.hex(store.readStage(document.id())), clock.instant());
                continue;
            }
            SigningStage last = ClassYearDocuments.lastStage(document.kind());
            if (!documents.store(last).hasStage(document.id())) {
                throw Rejected.conflict("Văn bản " + document.id() + " của lớp " + documents.schoolClass().code()
                        + " chưa được ký ở bước «" + last.role().title() + "»; chưa thể gia hạn dài hạn (LTA).");
            }
            toExtend.add(document.id());
        }
        // A chunk at a time: their document time-stamps asked for together (a TSA over the internet answers the chunk
        // in about one round trip), few enough documents in memory at once.
        for (int from = 0; from < toExtend.size(); from += TimeStampSource.STAMPED_TOGETHER) {
            List<String> chunk = toExtend.subList(from, Math.min(from + TimeStampSource.STAMPED_TOGETHER, toExtend.size()));
            List<byte[]> extended = chain.finishAll(chunk.stream().map(store::read).toList());
            for (int i = 0; i < chunk.size(); i++) {
                store.replace(chunk.get(i), extended.get(i));
                // The hash the store computed while writing these bytes.
                signatures.record(chunk.get(i), SigningStage.LONG_TERM, documents.schoolClass().id().value(),
                        "PAdES-BASELINE-LTA", store.stageSha256(chunk.get(i)), clock.instant());
            }
        }
    }
}
