package vn.hocba.grading;

/**
 * Conduct levels of a complete student (TT22 Art. 8 and 13).
 *
 * @param afterSummer the re-assessed conduct after summer training that replaced {@code year}
 *     for the promotion decision, or null when none applied
 */
public record ConductResults(Level hk1, Level hk2, Level year, Level afterSummer) {
}
