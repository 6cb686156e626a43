package vn.hocba.grading.tt22;

import vn.hocba.grading.Explanation;
import vn.hocba.grading.LearningResult;
import vn.hocba.grading.Level;

/** A learning level with the Art. 9.3 adjustment applied, and its explanation. */
record LearningAssessment(LearningResult result, String explanation) {

    /**
     * TT22 Art. 9.2 then Art. 9.3. Art. 9.3 speaks of "the term or the year", so the adjustment
     * is applied to each term level, the year level and the level recomputed after retests.
     */
    static LearningAssessment of(Standing standing) {
        Level computed = LearningLevels.level(standing);
        String text = LearningLevels.explain(computed, standing);
        OneSubjectAdjustment.Adjustment adjustment = OneSubjectAdjustment.apply(computed, standing);
        if (adjustment == null) {
            return new LearningAssessment(new LearningResult(computed, computed, null), text);
        }
        LearningResult result = new LearningResult(adjustment.level(), computed,
                adjustment.cause().code());
        String adjusted = adjustment.level().label() + " (" + adjustment.explanation(computed)
                + "). Theo Điều 9.2: " + text;
        return new LearningAssessment(result, adjusted);
    }

    Explanation explanation(String period) {
        return new Explanation("learning/" + period, "Kết quả học tập " + label(period) + ": " + explanation);
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
