package vn.hocba.gradebook;

import java.math.BigDecimal;
import vn.hocba.common.Rejected;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How marks may be written in this school. TT22 Art. 5.3.b allows integers or one decimal; seed
 * 000 is stricter (regular marks whole numbers, periodic marks one decimal), which is the default.
 */
public record EntryPolicy(int regularDecimals, int periodicDecimals, int maxRegularColumns) {

    public static final EntryPolicy SEED_000 = new EntryPolicy(0, 1, 8);

    /**
     * Only ASCII digits with at most one decimal separator, comma or point: what a teacher sees is
     * what is stored. {@code BigDecimal} alone would read Arabic-Indic or full-width digits ("٨",
     * "１０"), exponents ("1E1" = 10) and signs, and "1,000" as 1.0.
     */
    private static final Pattern TYPED = Pattern.compile("[0-9]+(?:[.,]([0-9]+))?");

    /** Parses a score typed by a teacher ("8", "7.5" or "7,5") for a mark of {@code kind}. */
    public BigDecimal score(String typed, MarkKind kind, String where) {
        Matcher m = TYPED.matcher(typed.trim());
        if (!m.matches()) {
            throw Rejected.invalid(where + ": \"" + typed + "\" không phải là điểm số (0–10): điểm chỉ gồm các chữ số 0–9, có thể "
                    + "thêm một dấu phẩy hoặc dấu chấm thập phân, ví dụ 8 hoặc 7,5.");
        }
        BigDecimal score = new BigDecimal(typed.trim().replace(',', '.'));
        if (score.signum() < 0 || score.compareTo(BigDecimal.TEN) > 0) {
            throw Rejected.invalid(where + ": điểm " + typed + " ngoài khoảng 0–10.");
        }
        if (m.group(1) != null && m.group(1).length() > 1) {
            // TT22 Art. 5.3.b: one decimal at most, as typed ("1,000" is not 1.0 and "7,50" is not 7,5)
            throw Rejected.invalid(where + ": điểm " + typed + " chỉ được có một chữ số thập phân (TT22 Điều 5.3.b).");
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
