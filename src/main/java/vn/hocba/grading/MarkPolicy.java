package vn.hocba.grading;

import java.math.BigDecimal;

/**
 * Which marks a school accepts. TT22 Art. 5.3.b: a mark is 0–10, an integer or with one decimal.
 * A school may be stricter (seed 000: regular marks are whole numbers, periodic marks have one
 * decimal): a per-school setting.
 *
 * @param wholeRegularMarks regular assessments (ĐĐGtx) must be whole numbers
 */
public record MarkPolicy(boolean wholeRegularMarks) {

    /** TT22 Art. 5.3.b as is. */
    public static final MarkPolicy TT22 = new MarkPolicy(false);

    /** Seed 000: whole-number regular marks, periodic marks with at most one decimal. */
    public static final MarkPolicy WHOLE_REGULAR_MARKS = new MarkPolicy(true);

    private static final BigDecimal TEN = BigDecimal.TEN;

    /**
     * What is wrong with a score, in Vietnamese, or null when it is acceptable.
     *
     * @param regular true for a regular assessment (ĐĐGtx)
     */
    public String problem(BigDecimal score, boolean regular) {
        String shown = score.toPlainString();
        if (score.signum() < 0 || score.compareTo(TEN) > 0) {
            return "điểm " + shown + " nằm ngoài khoảng 0–10. Hãy nhập điểm từ 0 đến 10";
        }
        int decimals = Math.max(0, score.stripTrailingZeros().scale());
        if (decimals > 1) {
            return "điểm " + shown + " có " + decimals + " chữ số thập phân; điểm là số nguyên hoặc có"
                    + " một chữ số thập phân (Điều 5 Thông tư 22). Hãy làm tròn khi chấm, ví dụ "
                    + score.setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
        }
        if (regular && wholeRegularMarks && decimals > 0) {
            return "điểm đánh giá thường xuyên " + shown + " phải là số nguyên theo quy định của nhà trường";
        }
        return null;
    }
}
