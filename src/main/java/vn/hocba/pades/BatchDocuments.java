package vn.hocba.pades;

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
}
