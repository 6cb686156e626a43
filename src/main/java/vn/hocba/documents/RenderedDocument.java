package vn.hocba.documents;

import java.util.List;

/**
 * What was rendered: which document version, the SHA-256 of its embedded data XML (the content
 * hash printed on every page), its page count and the names of its empty signature fields.
 */
public record RenderedDocument(DocumentKind kind, String versionLabel, String dataSha256, int pages,
        List<String> signatureFields) {

    public RenderedDocument {
        signatureFields = List.copyOf(signatureFields);
    }
}
