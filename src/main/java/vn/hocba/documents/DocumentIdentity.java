package vn.hocba.documents;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a document is: a stable id shared by all its versions, the version number, the version it
 * supersedes (after a correction) and when it was issued.
 *
 * @param documentId   e.g. {@code HB-79001-2024-2025-HS0001}; the same for every version
 * @param version      1 for the first issue, incremented by each re-issue
 * @param supersedes   the version label this one replaces ({@code HB-...-v1}), absent for v1
 * @param issuedAt     issue time; also the PDF creation date
 */
public record DocumentIdentity(String documentId, int version, Optional<String> supersedes,
        Instant issuedAt) {

    public DocumentIdentity {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(supersedes, "supersedes");
        Objects.requireNonNull(issuedAt, "issuedAt");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1: " + version);
        }
        if (!documentId.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("documentId may hold only A-Z, 0-9, '.', '_', '-': " + documentId);
        }
    }

    /** First issue of a document. */
    public static DocumentIdentity first(String documentId, Instant issuedAt) {
        return new DocumentIdentity(documentId, 1, Optional.empty(), issuedAt);
    }

    /** The next version, superseding this one. */
    public DocumentIdentity next(Instant reissuedAt) {
        return new DocumentIdentity(documentId, version + 1, Optional.of(versionLabel()), reissuedAt);
    }

    /** {@code <documentId>-v<version>}: names one version (file names, QR code, verification). */
    public String versionLabel() {
        return documentId + "-v" + version;
    }
}
