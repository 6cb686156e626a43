package vn.hocba.grading;

/**
 * A level of learning (TT22 Art. 9) or conduct (Art. 8), best first: Tốt, Khá, Đạt, Chưa đạt.
 */
public enum Level {
    T("T", "Tốt"),
    K("K", "Khá"),
    D("Đ", "Đạt"),
    CD("CĐ", "Chưa đạt");

    private final String code;
    private final String label;

    Level(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The code used in the gradebook and the JSON formats: T, K, Đ, CĐ. */
    public String code() {
        return code;
    }

    /** The Vietnamese name: Tốt, Khá, Đạt, Chưa đạt. */
    public String label() {
        return label;
    }

    /** True when this level is the same as or better than {@code other}. */
    public boolean isAtLeast(Level other) {
        return ordinal() <= other.ordinal();
    }

    /** How many steps this level lies below {@code reference} (negative when above). */
    public int stepsBelow(Level reference) {
        return ordinal() - reference.ordinal();
    }

    /** The adjacent better level; T stays T. */
    public Level oneStepUp() {
        return this == T ? T : values()[ordinal() - 1];
    }

    /** The level with the given code (T, K, Đ, CĐ), or null when there is none. */
    public static Level ofCode(String code) {
        for (Level level : values()) {
            if (level.code.equals(code)) {
                return level;
            }
        }
        return null;
    }
}
