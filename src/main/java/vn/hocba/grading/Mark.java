package vn.hocba.grading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A mark entered for an assessment, or a subject result: a score 0–10 for scored subjects or
 * Đạt / Chưa đạt for comment subjects (TT22 Art. 5).
 */
public sealed interface Mark permits Mark.Score, Mark.Comment {

    /** The text shown in the gradebook: the score as entered, or Đ / CĐ. */
    String text();

    /** A score; exact decimal, never binary floating point. */
    record Score(BigDecimal value) implements Mark {

        public Score {
            Objects.requireNonNull(value, "value");
        }

        /** A score from its decimal text, e.g. {@code "7.5"}. */
        public static Score of(String value) {
            return new Score(new BigDecimal(value));
        }

        /** The score with exactly one decimal, as results are written (8.0, not 8). */
        public BigDecimal oneDecimal() {
            return value.setScale(1, RoundingMode.HALF_UP);
        }

        @Override
        public String text() {
            return value.scale() >= 0 ? value.toString() : value.toPlainString();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Score s && s.value.compareTo(value) == 0;
        }

        @Override
        public int hashCode() {
            return value.stripTrailingZeros().hashCode();
        }
    }

    /** A comment-subject mark or result. */
    enum Comment implements Mark {
        DAT("Đ", "Đạt"),
        CHUA_DAT("CĐ", "Chưa đạt");

        private final String code;
        private final String label;

        Comment(String code, String label) {
            this.code = code;
            this.label = label;
        }

        /** Đ or CĐ, or null when the text is neither. */
        public static Comment ofCode(String code) {
            return DAT.code.equals(code) ? DAT : CHUA_DAT.code.equals(code) ? CHUA_DAT : null;
        }

        public String label() {
            return label;
        }

        @Override
        public String text() {
            return code;
        }
    }
}
