package vn.hocba.documents;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where rendered documents are kept. Stored documents are immutable: a version label is written
 * once; writing it again with the same bytes (a retry) returns the stored document, with other
 * bytes it is refused (a correction makes a new version).
 */
public interface DocumentStore {

    /** Writes a document's bytes to the stream it is given. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Stores the document {@code versionLabel} of {@code kind}, streaming its bytes.
     *
     * @throws DocumentAlreadyStoredException when that version is already stored with other bytes
     */
    StoredDocument store(DocumentKind kind, String versionLabel, Content content) throws IOException;

    /**
     * Removes a version that was written but never recorded as issued (its transaction rolled back), so
     * that the label can be issued again. The caller has checked, under a lock, that no record refers to it.
     */
    boolean discardUnrecorded(DocumentKind kind, String versionLabel) throws IOException;
}
