package vn.hocba.documents.records;

import java.util.function.BiFunction;
import vn.hocba.documents.DocumentData;
import vn.hocba.documents.DocumentIdentity;
import vn.hocba.documents.DocumentKind;

/**
 * One document of a class not yet issued: its stable id, kind, student (null for class documents)
 * and how to build its data for a given identity and date line. Built on demand, so a class's
 * documents are never all in memory at once.
 */
public record DocumentDraft(String documentId, DocumentKind kind, Long studentId, String studentName,
        BiFunction<DocumentIdentity, String, DocumentData> builder) {

    public DocumentData build(DocumentIdentity identity, String dateLine) {
        return builder.apply(identity, dateLine);
    }
}
