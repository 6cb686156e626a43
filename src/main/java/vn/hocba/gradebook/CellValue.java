package vn.hocba.gradebook;

import java.math.BigDecimal;

/**
 * What a mark cell holds, as text: a score ("8.5"; stored as numeric(3,1), so "8" reads back as
 * "8.0"), a level of a comment-assessed subject ("Đ", "CĐ"), or nothing ({@code null}).
 */
public record CellValue(String text) {

    public static CellValue of(String text) {
        return new CellValue(text);
    }

    /** The value of a stored cell: its score when it has one, otherwise its level. */
    public static CellValue of(BigDecimal score, String level) {
        return new CellValue(score != null ? score.toPlainString() : level);
    }

    /** True when {@code other} means the same mark: "8" and "8.0" do, two empty cells do. */
    public boolean sameAs(String other) {
        if (text == null || other == null) {
            return text == other;
        }
        try {
            return new BigDecimal(text).compareTo(new BigDecimal(other)) == 0;
        } catch (NumberFormatException e) {
            return text.equals(other);
        }
    }
}
