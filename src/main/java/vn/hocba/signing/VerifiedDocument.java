package vn.hocba.signing;

import java.util.Optional;
import vn.hocba.pades.verify.VerificationReport;

/**
 * A verified upload: what EU DSS found about its signatures (with {@code supersededBy} set when a
 * newer version replaces it) and which issued HocBa version it is, if any.
 *
 * @param issuedAs the issued version the PDF is a copy of; empty for a PDF HocBa did not issue
 */
public record VerifiedDocument(VerificationReport report, Optional<String> issuedAs) {

    public boolean issuedByHocBa() {
        return issuedAs.isPresent();
    }
}
