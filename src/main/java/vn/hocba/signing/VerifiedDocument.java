package vn.hocba.signing;

import java.util.List;
import java.util.Optional;
import vn.hocba.pades.verify.VerificationReport;

/**
 * A verified upload: what EU DSS found about its signatures (with {@code supersededBy} set when a
 * newer version replaces it) and whether it is an intact document HocBa issued.
 *
 * @param issuedAs     the issued version the PDF is an intact copy of: byte-identical to a signed file of that
 *                     version, or its embedded data is that version's and valid signatures cover the whole file;
 *                     empty otherwise
 * @param claimedAs    the issued version whose embedded data the PDF carries, intact or not
 * @param notIntact    why the PDF is not an intact HocBa document (empty when {@code issuedAs} is present)
 */
public record VerifiedDocument(VerificationReport report, Optional<String> issuedAs, Optional<String> claimedAs,
        List<String> notIntact) {

    public boolean issuedByHocBa() {
        return issuedAs.isPresent();
    }
}
