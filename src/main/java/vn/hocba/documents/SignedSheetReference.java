package vn.hocba.documents;

import java.util.List;
import java.util.Objects;

/**
 * Points from a transcript row to the subject result sheet its teacher(s) signed for the whole
 * class (signing profile, decision 1): the sheet's version label, the SHA-256 of the signed PDF
 * as exported (its last revision) and who signed it, in signing order.
 */
public record SignedSheetReference(String versionLabel, String pdfSha256, List<String> signers) {

    public SignedSheetReference {
        Objects.requireNonNull(versionLabel, "versionLabel");
        if (pdfSha256 == null || !pdfSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("pdfSha256 must be 64 lower-case hex digits: " + pdfSha256);
        }
        signers = List.copyOf(signers);
    }

    /** A reference whose signers are not recorded (a sample). */
    public SignedSheetReference(String versionLabel, String pdfSha256) {
        this(versionLabel, pdfSha256, List.of());
    }

    /** The first 16 hex digits, as printed. */
    public String shortHash() {
        return pdfSha256.substring(0, 16);
    }

    /** The signers as printed: "A, B". */
    public String signedBy() {
        return String.join(", ", signers);
    }
}
