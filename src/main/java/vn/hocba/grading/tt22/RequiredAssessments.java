package vn.hocba.grading.tt22;

import java.math.BigDecimal;
import vn.hocba.grading.Subject;

/** How many assessments a term requires (TT22 Art. 6 and 7). */
final class RequiredAssessments {

    private static final BigDecimal PERIODS_35 = BigDecimal.valueOf(35);
    private static final BigDecimal PERIODS_70 = BigDecimal.valueOf(70);

    private RequiredAssessments() {
    }

    /**
     * TT22 Art. 6: regular assessments (ĐĐGtx) per term. Comment subjects: 2. Scored subjects by
     * periods per year: up to 35 → 2, over 35 up to 70 → 3, over 70 → 4 (fractional periods
     * count by value: 35.5 is "over 35"). This is a minimum; extra regular marks all count.
     */
    static int regular(Subject subject) {
        if (!subject.scored()) {
            return 2;
        }
        BigDecimal periods = subject.periodsPerYear();
        if (periods.compareTo(PERIODS_35) <= 0) {
            return 2;
        }
        return periods.compareTo(PERIODS_70) <= 0 ? 3 : 4;
    }

    // TT22 Art. 7: exactly one mid-term (ĐĐGgk) and one end-of-term (ĐĐGck) assessment per term.
    static final String MIDTERM = "ĐĐGgk";
    static final String END_OF_TERM = "ĐĐGck";

    /** Name of the n-th regular column (1-based), e.g. "ĐĐGtx 3". */
    static String regularColumn(int n) {
        return "ĐĐGtx " + n;
    }
}
