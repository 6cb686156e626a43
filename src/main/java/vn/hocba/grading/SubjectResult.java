package vn.hocba.grading;

/**
 * One student's results in one subject: term averages (ĐTBmhk) or term Đ/CĐ, the year result
 * (ĐTBmcn or the term II Đ/CĐ) and, when applied, the summer retest result. Scores are rounded to
 * one decimal half-up; a value is null when it cannot be computed because a mark is missing.
 *
 * @param year the year result before any retest (kept and shown after a retest)
 * @param retest the retest result that replaced {@code year} for the decision, or null
 */
public record SubjectResult(SubjectCode subject, Mark hk1, Mark hk2, Mark year, Mark retest) {

    public Mark term(Term term) {
        return term == Term.HK1 ? hk1 : hk2;
    }

    /** The year result that counts after the summer: the retest result when there is one. */
    public Mark finalYear() {
        return retest != null ? retest : year;
    }

    /** TT22 Art. 14: the year result calls for a retest (comment subject CĐ, scored subject ĐTBmcn below 5.0). */
    public boolean failedYear() {
        return year == Mark.Comment.CHUA_DAT
                || year instanceof Mark.Score s && s.value().compareTo(new java.math.BigDecimal("5.0")) < 0;
    }
}
