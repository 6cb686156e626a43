package vn.hocba.gradebook.comments;

/**
 * A comment bank entry: HocBa's built-in ({@code schoolWide} and no school), the school's
 * ({@code owner} null) or a teacher's own; for one subject or any ({@code subjectId} null); for one
 * level of TT22 Art. 9 (Tốt, Khá, Đạt, Chưa đạt).
 */
public record CommentTemplate(long id, String owner, Kind kind, Long subjectId, Level level, String text) {

    /** Whose comments the template is for. */
    public enum Kind { SUBJECT, HOMEROOM }

    /** The level a template fits, with its Vietnamese name. */
    public enum Level {
        TOT("Tốt"), KHA("Khá"), DAT("Đạt"), CHUA_DAT("Chưa đạt");

        private final String title;

        Level(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }

        /**
         * The level of a stored term result: a score by band (≥ 8 Tốt, ≥ 6,5 Khá, ≥ 5 Đạt, else Chưa đạt,
         * the subject bands of TT22 Art. 9.2), Đ/CĐ as Đạt/Chưa đạt; null when there is no result yet.
         */
        public static Level of(String result) {
            if (result == null || result.isBlank()) {
                return null;
            }
            if (result.equals("Đ")) {
                return DAT;
            }
            if (result.equals("CĐ")) {
                return CHUA_DAT;
            }
            java.math.BigDecimal score = new java.math.BigDecimal(result.replace(',', '.'));
            return score.compareTo(java.math.BigDecimal.valueOf(8)) >= 0 ? TOT
                    : score.compareTo(new java.math.BigDecimal("6.5")) >= 0 ? KHA
                    : score.compareTo(java.math.BigDecimal.valueOf(5)) >= 0 ? DAT : CHUA_DAT;
        }
    }

    /** "Của trường", "Của tôi": where the template comes from, for the list. */
    public String source(String username) {
        return owner == null ? "Mẫu của trường" : owner.equals(username) ? "Mẫu của tôi" : "Mẫu của " + owner;
    }
}
