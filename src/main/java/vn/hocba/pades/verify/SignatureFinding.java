package vn.hocba.pades.verify;

import java.time.Instant;
import java.util.List;

/**
 * What the validator found about one signature.
 *
 * @param signer              the signer's common name
 * @param role                the role claimed in the signature (/Reason) or the certificate's title
 * @param claimedTime         the claimed signing time (/M); null when absent
 * @param timeStampedTime     the earliest signature time-stamp's time; null without one
 * @param issuer              the signing certificate's issuer
 * @param intact              the signed bytes (the signature's byte range) are unchanged and the signature value
 *                            matches them; says nothing about what was appended after
 * @param level               the PAdES level reached, e.g. {@code PAdES-BASELINE-LTA}
 * @param indication          the ETSI EN 319 102-1 indication, e.g. {@code TOTAL_PASSED}
 * @param subIndication       the sub-indication when not passed, else null
 * @param problems            the validator's error messages
 * @param changedAfterSigning a later revision changed what the document shows (pages, content, undefined
 *                            changes), although the signed bytes themselves may be intact
 * @param timeStamps          the signature's time-stamps, each with whether it passed
 */
public record SignatureFinding(String id, String fieldName, String signer, String role, Instant claimedTime,
                               Instant timeStampedTime, String issuer, boolean intact, String level,
                               String indication, String subIndication, List<String> problems,
                               boolean changedAfterSigning, List<TimeStampFinding> timeStamps) {

    public boolean passed() {
        return "TOTAL_PASSED".equals(indication) && intact && !changedAfterSigning;
    }

    /** The validator could not decide (INDETERMINATE) and nothing shows the signature broken or the file changed. */
    public boolean undecided() {
        return !passed() && intact && !changedAfterSigning && !"TOTAL_FAILED".equals(indication);
    }
}
