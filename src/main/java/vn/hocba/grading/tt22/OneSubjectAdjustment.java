package vn.hocba.grading.tt22;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import vn.hocba.grading.Level;
import vn.hocba.grading.Subject;

/**
 * TT22 Art. 9.3: a level that falls two or more steps below Tốt or Khá only because of a single
 * subject is raised to the adjacent level.
 *
 * <p>Decision (domain.md §3): subject X is the sole cause for reference level R ∈ {T, K} when X
 * is the only subject violating R's "every subject" conditions (the only comment subject CĐ, or
 * the only scored subject below R's floor 6.5/5.0) and R's "at least 6 subjects ≥ 8.0/6.5"
 * condition holds as is. R = T is checked first, then R = K. If the computed level is at least
 * two steps below R, the result is the computed level + 1 (T→Đ becomes K, T→CĐ becomes Đ,
 * K→CĐ becomes Đ).
 */
final class OneSubjectAdjustment {

    private OneSubjectAdjustment() {
    }

    /** An applied adjustment: the raised level, the subject and the reference level. */
    record Adjustment(Level level, Subject cause, Level reference) {

        String explanation(Level computed) {
            BigDecimal floor = floor(reference);
            String why = cause.scored() ? "dưới " + LearningLevels.comma(floor) + " (điều kiện mức "
                    + reference.label() + ")" : "Chưa đạt";
            return "nâng từ " + computed.label() + " lên " + level.label() + " theo Điều 9.3 vì chỉ môn "
                    + cause.name() + " " + why;
        }
    }

    /** The adjustment that applies to {@code computed}, or null when none does. */
    static Adjustment apply(Level computed, Standing s) {
        for (Level reference : List.of(Level.T, Level.K)) {
            Subject cause = soleCause(reference, s);
            if (cause != null && computed.stepsBelow(reference) >= 2) {
                return new Adjustment(computed.oneStepUp(), cause, reference);
            }
        }
        return null;
    }

    /** The single subject keeping the student from {@code reference}, or null. */
    static Subject soleCause(Level reference, Standing s) {
        List<Subject> violating = new ArrayList<>(s.failedComments());
        violating.addAll(s.scoredBelow(floor(reference)));
        boolean countHolds = s.scoredAtLeast(high(reference)) >= s.requiredCount();
        return violating.size() == 1 && countHolds ? violating.get(0) : null;
    }

    private static BigDecimal floor(Level reference) {
        return reference == Level.T ? LearningLevels.D_6_5 : LearningLevels.D_5_0;
    }

    private static BigDecimal high(Level reference) {
        return reference == Level.T ? LearningLevels.D_8_0 : LearningLevels.D_6_5;
    }
}
