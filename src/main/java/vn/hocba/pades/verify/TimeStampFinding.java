package vn.hocba.pades.verify;

import java.time.Instant;

/**
 * What the validator found about one time-stamp (a signature's or a document time-stamp).
 *
 * @param time       the time the TSA put in it
 * @param passed     its imprint matches, its TSA signature is valid and DSS passed it
 * @param indication the ETSI indication of the time-stamp ({@code PASSED}, {@code FAILED}, ...)
 */
public record TimeStampFinding(Instant time, boolean passed, String indication) {
}
