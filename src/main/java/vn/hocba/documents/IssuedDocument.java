package vn.hocba.documents;

import java.time.Instant;
import java.util.Optional;

/**
 * One issued document version as recorded: what it is, which version of which document, whose it
 * is, its hashes and where its file lies.
 *
 * @param id           the version label ({@code HB-DEMO01-2025-2026-HS00001-v2}), printed on every page
 * @param supersedes   the version label this one replaces, absent for version 1
 * @param studentId    the student of a transcript or report card, absent for class documents
 * @param sha256       SHA-256 of the PDF file
 * @param dataSha256   SHA-256 of the embedded data XML (the content hash printed on every page)
 * @param supersededBy the newer version replacing this one, if any
 */
public record IssuedDocument(String id, String documentId, int version, Optional<String> supersedes, long classId,
        String className, Optional<Long> studentId, Optional<String> studentName, DocumentKind kind,
        AssessmentScope scope, String sha256, String dataSha256, long size, String path, Instant createdAt,
        String createdBy, Optional<String> supersededBy) {

    /** The identity this version was issued with. */
    public DocumentIdentity identity() {
        return new DocumentIdentity(documentId, version, supersedes, createdAt);
    }

    public boolean superseded() {
        return supersededBy.isPresent();
    }
}
