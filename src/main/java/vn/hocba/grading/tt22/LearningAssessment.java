package vn.hocba.grading.tt22;

import java.util.function.Supplier;
import vn.hocba.grading.Explanation;
import vn.hocba.grading.LearningResult;
import vn.hocba.grading.Level;

/** A learning level with the Art. 9.3 adjustment applied, and its explanation (composed on use). */
record LearningAssessment(LearningResult result, Supplier<String> explanation) {

    /**
     * TT22 Art. 9.2 then Art. 9.3. Art. 9.3 speaks of "the term or the year", so the adjustment
     * is applied to each term level, the year level and the level recomputed after retests.
     */
    static LearningAssessment of(Standing standing) {
        Level computed = LearningLevels.level(standing);
        Supplier<String> text = () -> LearningLevels.explain(computed, standing);
        OneSubjectAdjustment.Adjustment adjustment = OneSubjectAdjustment.apply(computed, standing);
        if (adjustment == null) {
            return new LearningAssessment(new LearningResult(computed, computed, null), text);
        }
        LearningResult result = new LearningResult(adjustment.level(), computed,
                adjustment.cause().code());
        return new LearningAssessment(result, () -> adjustment.level().label() + " ("
                + adjustment.explanation(computed) + "). Theo Điều 9.2: " + text.get());
    }

    Explanation explanation(String period) {
        return Explanation.composedOnUse("learning/" + period,
                () -> "Kết quả học tập " + label(period) + ": " + explanation.get());
    }

    private static String label(String period) {
        return switch (period) {
            case "HK1" -> "HK I";
            case "HK2" -> "HK II";
            case "CN" -> "cả năm";
            default -> "sau kiểm tra lại";
        };
    }
}
