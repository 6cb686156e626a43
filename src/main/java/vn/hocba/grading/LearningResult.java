package vn.hocba.grading;

import java.util.Objects;

/**
 * A learning level (kết quả học tập, TT22 Art. 9.2) with the one-subject adjustment of Art. 9.3.
 *
 * @param level the resulting level
 * @param computed the level from Art. 9.2 alone, before any adjustment
 * @param adjustedFor the single subject that triggered the Art. 9.3 adjustment, or null when no
 *     adjustment was applied
 */
public record LearningResult(Level level, Level computed, SubjectCode adjustedFor) {

    public LearningResult {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(computed, "computed");
    }

    public boolean adjusted() {
        return adjustedFor != null;
    }
}
