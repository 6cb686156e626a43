package vn.hocba.documents;

import java.net.URI;

/** A stored document file: its version label, SHA-256 of the PDF bytes, size and location. */
public record StoredDocument(DocumentKind kind, String versionLabel, String pdfSha256, long size, URI location) {
}
