package vn.hocba.grading.tt22;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.stream.Collectors;
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
        BigDecimal regularSum = BigDecimal.ZERO;
        for (Mark m : marks.regular()) {
            regularSum = regularSum.add(score(m));
        }
        BigDecimal mid = score(marks.midterm());
        BigDecimal end = score(marks.endOfTerm());
        BigDecimal total = regularSum.add(TWO.multiply(mid)).add(THREE.multiply(end));
        int weights = marks.regular().size() + 5;
        BigDecimal value = roundedQuotient(total, weights);
        String regular = marks.regular().stream().map(Mark::text).collect(Collectors.joining("+"));
        String text = "ĐTBmhk = (" + (regular.isEmpty() ? "" : regular + " + ") + "2×" + mid.toPlainString()
                + " + 3×" + end.toPlainString() + ")/" + weights + " = " + total.toPlainString() + "/"
                + weights + " = " + value.toPlainString();
        return new Average(value, text);
    }

    /**
     * TT22 Art. 9.1: ĐTBmcn = (ĐTBmhk I + 2·ĐTBmhk II) / 3, from the ROUNDED term averages,
     * rounded.
     */
    static Average year(BigDecimal hk1, BigDecimal hk2) {
        BigDecimal total = hk1.add(TWO.multiply(hk2));
        BigDecimal value = roundedQuotient(total, 3);
        String text = "ĐTBmcn = (ĐTBmhk I + 2×ĐTBmhk II)/3 = (" + hk1.toPlainString() + " + 2×"
                + hk2.toPlainString() + ")/3 = " + total.toPlainString() + "/3 = " + value.toPlainString();
        return new Average(value, text);
    }

    /**
     * TT22 Art. 9.1: averages are rounded to one decimal, half-up (8.25 → 8.3). Dividing with
     * scale 1 and HALF_UP rounds the exact quotient, so no intermediate rounding happens.
     */
    static BigDecimal roundedQuotient(BigDecimal total, int divisor) {
        return total.divide(BigDecimal.valueOf(divisor), 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal score(Mark mark) {
        if (mark instanceof Mark.Score s) {
            return s.value();
        }
        throw new IllegalArgumentException("A scored subject has a comment mark: " + mark.text());
    }
}
