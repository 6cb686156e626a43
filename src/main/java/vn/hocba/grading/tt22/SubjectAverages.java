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
        return new Average(term(marks, text), text.toString());
    }

    /** {@link #term(TermMarks)} appending the explanation to {@code text}. */
    static BigDecimal term(TermMarks marks, StringBuilder text) {
        BigDecimal regularSum = BigDecimal.ZERO;
        for (Mark m : marks.regular()) {
            regularSum = regularSum.add(score(m));
        }
        BigDecimal mid = score(marks.midterm());
        BigDecimal end = score(marks.endOfTerm());
        BigDecimal total = regularSum.add(TWO.multiply(mid)).add(THREE.multiply(end));
        int weights = marks.regular().size() + 5;
        BigDecimal value = roundedQuotient(total, weights);
        text.append("ĐTBmhk = (");
        for (int i = 0; i < marks.regular().size(); i++) {
            text.append(i == 0 ? "" : "+").append(marks.regular().get(i).text());
        }
        text.append(marks.regular().isEmpty() ? "" : " + ").append("2×").append(marks.midterm().text())
                .append(" + 3×").append(marks.endOfTerm().text()).append(")/").append(weights).append(" = ")
                .append(plain(total)).append('/').append(weights).append(" = ").append(value);
        return value;
    }

    /**
     * TT22 Art. 9.1: ĐTBmcn = (ĐTBmhk I + 2·ĐTBmhk II) / 3, from the ROUNDED term averages,
     * rounded.
     */
    static Average year(BigDecimal hk1, BigDecimal hk2) {
        StringBuilder text = new StringBuilder(64);
        return new Average(year(hk1, hk2, text), text.toString());
    }

    /** {@link #year(BigDecimal, BigDecimal)} appending the explanation to {@code text}. */
    static BigDecimal year(BigDecimal hk1, BigDecimal hk2, StringBuilder text) {
        BigDecimal total = hk1.add(TWO.multiply(hk2));
        BigDecimal value = roundedQuotient(total, 3);
        text.append("ĐTBmcn = (ĐTBmhk I + 2×ĐTBmhk II)/3 = (").append(plain(hk1)).append(" + 2×").append(plain(hk2))
                .append(")/3 = ").append(plain(total)).append("/3 = ").append(value);
        return value;
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
