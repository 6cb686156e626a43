package vn.hocba.grading.tt22;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import vn.hocba.grading.Level;

/**
 * Learning level of a term (from ĐTBmhk) or the year (from ĐTBmcn), TT22 Art. 9.2, without the
 * Art. 9.3 adjustment.
 */
final class LearningLevels {

    static final BigDecimal D_3_5 = new BigDecimal("3.5");
    static final BigDecimal D_5_0 = new BigDecimal("5.0");
    static final BigDecimal D_6_5 = new BigDecimal("6.5");
    static final BigDecimal D_8_0 = new BigDecimal("8.0");

    private LearningLevels() {
    }

    /** TT22 Art. 9.2: the best level whose conditions all hold. */
    static Level level(Standing s) {
        if (tot(s)) {
            return Level.T;
        }
        if (kha(s)) {
            return Level.K;
        }
        return dat(s) ? Level.D : Level.CD;
    }

    /** TT22 Art. 9.2.a: every comment subject Đ, every scored ≥ 6.5, at least 6 scored ≥ 8.0. */
    static boolean tot(Standing s) {
        return s.failedComments().isEmpty() && s.scoredBelow(D_6_5).isEmpty()
                && s.scoredAtLeast(D_8_0) >= s.requiredCount();
    }

    /** TT22 Art. 9.2.b: every comment subject Đ, every scored ≥ 5.0, at least 6 scored ≥ 6.5. */
    static boolean kha(Standing s) {
        return s.failedComments().isEmpty() && s.scoredBelow(D_5_0).isEmpty()
                && s.scoredAtLeast(D_6_5) >= s.requiredCount();
    }

    /** TT22 Art. 9.2.c: at most one comment CĐ, at least 6 scored ≥ 5.0, none below 3.5. */
    static boolean dat(Standing s) {
        return s.failedComments().size() <= 1 && s.scoredAtLeast(D_5_0) >= s.requiredCount()
                && s.scoredBelow(D_3_5).isEmpty();
    }

    /** Why a level was given: what it meets and why the next better one was not reached. */
    static String explain(Level level, Standing s) {
        String text = level.label() + ": " + (level == Level.CD ? "" : met(level, s));
        if (level != Level.T) {
            Level better = level.oneStepUp();
            text += (level == Level.CD ? "" : "; ") + "không đạt mức " + better.label() + " vì "
                    + String.join("; ", unmet(better, s));
        }
        return text;
    }

    private static String met(Level level, Standing s) {
        int req = s.requiredCount();
        return switch (level) {
            case T -> "mọi môn đánh giá bằng nhận xét Đạt, mọi môn tính điểm từ 6,5, "
                    + s.scoredAtLeast(D_8_0) + " môn từ 8,0 (cần ít nhất " + req + ")";
            case K -> "mọi môn đánh giá bằng nhận xét Đạt, mọi môn tính điểm từ 5,0, "
                    + s.scoredAtLeast(D_6_5) + " môn từ 6,5 (cần ít nhất " + req + ")";
            case D -> s.failedComments().size() + " môn đánh giá bằng nhận xét Chưa đạt (tối đa 1), "
                    + s.scoredAtLeast(D_5_0) + " môn từ 5,0 (cần ít nhất " + req
                    + "), không môn nào dưới 3,5";
            case CD -> "";
        };
    }

    private static List<String> unmet(Level level, Standing s) {
        List<String> reasons = new ArrayList<>();
        BigDecimal floor = level == Level.T ? D_6_5 : level == Level.K ? D_5_0 : D_3_5;
        BigDecimal high = level == Level.T ? D_8_0 : level == Level.K ? D_6_5 : D_5_0;
        int allowedComments = level == Level.D ? 1 : 0;
        if (s.failedComments().size() > allowedComments) {
            reasons.add("môn đánh giá bằng nhận xét Chưa đạt: " + Standing.names(s.failedComments()));
        }
        if (!s.scoredBelow(floor).isEmpty()) {
            reasons.add("dưới " + comma(floor) + ": " + Standing.names(s.scoredBelow(floor)));
        }
        if (s.scoredAtLeast(high) < s.requiredCount()) {
            reasons.add("chỉ " + s.scoredAtLeast(high) + " môn từ " + comma(high) + " (cần ít nhất "
                    + s.requiredCount() + ")");
        }
        return reasons;
    }

    /** 6.5 → "6,5", the Vietnamese decimal comma used in prose. */
    static String comma(BigDecimal value) {
        return value.toPlainString().replace('.', ',');
    }
}
