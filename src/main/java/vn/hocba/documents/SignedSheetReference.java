package vn.hocba.documents;

import java.util.Objects;

/**
 * Points from a transcript row to the subject result sheet the subject teacher signed for the
 * whole class (signing profile, decision 1): its version label and the SHA-256 of the signed PDF.
 */
public record SignedSheetReference(String versionLabel, String pdfSha256) {

    public SignedSheetReference {
        Objects.requireNonNull(versionLabel, "versionLabel");
        if (pdfSha256 == null || !pdfSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("pdfSha256 must be 64 lower-case hex digits: " + pdfSha256);
        }
    }

    /** The first 16 hex digits, as printed. */
    public String shortHash() {
        return pdfSha256.substring(0, 16);
    }
}
