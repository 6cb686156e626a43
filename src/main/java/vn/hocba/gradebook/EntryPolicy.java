package vn.hocba.gradebook;

import java.math.BigDecimal;
import vn.hocba.common.Rejected;

/**
 * How marks may be written in this school. TT22 Art. 5.3.b allows integers or one decimal; seed
 * 000 is stricter (regular marks whole numbers, periodic marks one decimal), which is the default.
 */
public record EntryPolicy(int regularDecimals, int periodicDecimals, int maxRegularColumns) {

    public static final EntryPolicy SEED_000 = new EntryPolicy(0, 1, 8);

    /** Parses a score typed by a teacher ("8", "7.5" or "7,5") for a mark of {@code kind}. */
    public BigDecimal score(String typed, MarkKind kind, String where) {
        BigDecimal score;
        try {
            score = new BigDecimal(typed.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw Rejected.invalid(where + ": \"" + typed + "\" không phải là điểm số (0–10).");
        }
        if (score.signum() < 0 || score.compareTo(BigDecimal.TEN) > 0) {
            throw Rejected.invalid(where + ": điểm " + typed + " ngoài khoảng 0–10.");
        }
        int decimals = kind == MarkKind.REGULAR ? regularDecimals : periodicDecimals;
        BigDecimal normalised = score.stripTrailingZeros();
        if (Math.max(0, normalised.scale()) > decimals) {
            throw Rejected.invalid(where + ": điểm " + typed + (decimals == 0
                    ? " phải là số nguyên (quy định của trường: điểm thường xuyên nhập điểm tròn)."
                    : " chỉ được có một chữ số thập phân (TT22 Điều 5.3.b)."));
        }
        return score.setScale(kind == MarkKind.REGULAR ? regularDecimals : periodicDecimals, java.math.RoundingMode.UNNECESSARY);
    }

    /** Checks a column number for a mark of {@code kind}. */
    public void checkColumn(MarkKind kind, int column, String where) {
        int max = kind == MarkKind.REGULAR ? maxRegularColumns : 1;
        if (column < 1 || column > max) {
            throw Rejected.invalid(where + ": cột " + column + " không có (" + (kind == MarkKind.REGULAR
                    ? "điểm thường xuyên cột 1–" + maxRegularColumns : "điểm định kì chỉ có một cột") + ").");
        }
    }
}
