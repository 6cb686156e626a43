package vn.hocba.pades.verify;

import java.time.Instant;
import java.util.List;

/**
 * What the validator found about one signature.
 *
 * @param signer          the signer's common name
 * @param role            the role claimed in the signature (/Reason) or the certificate's title
 * @param claimedTime     the claimed signing time (/M); null when absent
 * @param timeStampedTime the earliest signature time-stamp's time; null without one
 * @param issuer          the signing certificate's issuer
 * @param intact          the signed bytes are unchanged and nothing but allowed updates followed
 * @param level           the PAdES level reached, e.g. {@code PAdES-BASELINE-LTA}
 * @param indication      the ETSI EN 319 102-1 indication, e.g. {@code TOTAL_PASSED}
 * @param subIndication   the sub-indication when not passed, else null
 * @param problems        the validator's error messages
 */
public record SignatureFinding(String id, String fieldName, String signer, String role, Instant claimedTime,
                               Instant timeStampedTime, String issuer, boolean intact, String level,
                               String indication, String subIndication, List<String> problems) {

    public boolean passed() {
        return "TOTAL_PASSED".equals(indication) && intact;
    }
}
