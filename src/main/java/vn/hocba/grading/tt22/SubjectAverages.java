package vn.hocba.grading.tt22;

import java.math.BigDecimal;
import java.math.RoundingMode;
import vn.hocba.grading.Mark;
import vn.hocba.grading.TermMarks;

/** Averages of scored subjects (TT22 Art. 9.1), exact decimals rounded to one decimal half-up. */
final class SubjectAverages {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal THREE = BigDecimal.valueOf(3);

    private SubjectAverages() {
    }

    /** A computed average and its explanation. */
    record Average(BigDecimal value, String explanation) {
    }

    /** TT22 Art. 9.1: ĐTBmhk = (ΣĐĐGtx + 2·ĐĐGgk + 3·ĐĐGck) / (number of ĐĐGtx + 5), rounded. */
    static Average term(TermMarks marks) {
        StringBuilder text = new StringBuilder(64);
        BigDecimal value = termValue(marks);
        describeTerm(marks, value, text);
        return new Average(value, text.toString());
    }

    /** The ĐTBmhk alone. */
    static BigDecimal termValue(TermMarks marks) {
        return roundedQuotient(termTotal(marks), marks.regular().size() + 5);
    }

    private static BigDecimal termTotal(TermMarks marks) {
        BigDecimal total = BigDecimal.ZERO;
        for (Mark m : marks.regular()) {
            total = total.add(score(m));
        }
        return total.add(TWO.multiply(score(marks.midterm()))).add(THREE.multiply(score(marks.endOfTerm())));
    }

    /** Appends "ĐTBmhk = (8+9+7+10 + 2×7.5 + 3×8.0)/9 = 73.0/9 = 8.1". */
    static void describeTerm(TermMarks marks, BigDecimal value, StringBuilder text) {
        int weights = marks.regular().size() + 5;
        text.append("ĐTBmhk = (");
        for (int i = 0; i < marks.regular().size(); i++) {
            text.append(i == 0 ? "" : "+").append(marks.regular().get(i).text());
        }
        text.append(marks.regular().isEmpty() ? "" : " + ").append("2×").append(marks.midterm().text())
                .append(" + 3×").append(marks.endOfTerm().text()).append(")/").append(weights).append(" = ")
                .append(plain(termTotal(marks))).append('/').append(weights).append(" = ").append(value);
    }

    /**
     * TT22 Art. 9.1: ĐTBmcn = (ĐTBmhk I + 2·ĐTBmhk II) / 3, from the ROUNDED term averages,
     * rounded.
     */
    static Average year(BigDecimal hk1, BigDecimal hk2) {
        StringBuilder text = new StringBuilder(64);
        BigDecimal value = yearValue(hk1, hk2);
        describeYear(hk1, hk2, value, text);
        return new Average(value, text.toString());
    }

    /** The ĐTBmcn alone. */
    static BigDecimal yearValue(BigDecimal hk1, BigDecimal hk2) {
        return roundedQuotient(hk1.add(TWO.multiply(hk2)), 3);
    }

    /** Appends "ĐTBmcn = (ĐTBmhk I + 2×ĐTBmhk II)/3 = (6.2 + 2×7.4)/3 = 21.0/3 = 7.0". */
    static void describeYear(BigDecimal hk1, BigDecimal hk2, BigDecimal value, StringBuilder text) {
        text.append("ĐTBmcn = (ĐTBmhk I + 2×ĐTBmhk II)/3 = (").append(plain(hk1)).append(" + 2×").append(plain(hk2))
                .append(")/3 = ").append(plain(hk1.add(TWO.multiply(hk2)))).append("/3 = ").append(value);
    }

    /**
     * TT22 Art. 9.1: averages are rounded to one decimal, half-up (8.25 → 8.3). Dividing with
     * scale 1 and HALF_UP rounds the exact quotient, so no intermediate rounding happens.
     */
    static BigDecimal roundedQuotient(BigDecimal total, int divisor) {
        return total.divide(BigDecimal.valueOf(divisor), 1, RoundingMode.HALF_UP);
    }

    /** Decimal text without exponent; BigDecimal caches toString(), which is plain for scale ≥ 0. */
    static String plain(BigDecimal value) {
        return value.scale() >= 0 ? value.toString() : value.toPlainString();
    }

    private static BigDecimal score(Mark mark) {
        if (mark instanceof Mark.Score s) {
            return s.value();
        }
        throw new IllegalArgumentException("A scored subject has a comment mark: " + mark.text());
    }
}
