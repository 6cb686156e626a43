package vn.hocba.pades;

import java.util.Optional;

/**
 * Where a batch reads documents and puts their signed versions. Storage stays outside this
 * module: the application adapts its own document repository; {@link PathBatchDocuments} keeps
 * files in a directory.
 */
public interface BatchDocuments {

    /** The current bytes of the document. */
    byte[] read(String documentId);

    /**
     * Replaces the document by its signed version atomically: after a crash the document is
     * either the old or the new version, never half of one.
     */
    void replace(String documentId, byte[] signed);

    /**
     * A file to attach to the document in the revision of its new signature, which then covers it (the school seal
     * attaches the student's học bạ số record, issue 17 item 2); asked only for a document the batch's certificate
     * has not signed yet. None by default.
     */
    default Optional<AssociatedFileUpdate.File> attachment(String documentId) {
        return Optional.empty();
    }
}
