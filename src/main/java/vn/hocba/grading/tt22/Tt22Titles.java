package vn.hocba.grading.tt22;

import java.math.BigDecimal;
import java.util.List;
import vn.hocba.grading.Level;
import vn.hocba.grading.Title;
import vn.hocba.grading.TitleRule;

/**
 * TT22 Art. 15 titles. Decided from the year results BEFORE any reassessment (summer training or
 * retest): a student who needed either cannot have year conduct and learning Tốt anyway.
 * Interpretation: absences do not enter Art. 15, so the title is decided independently of the
 * 45-session rule. "At least 6 subjects ≥ 9.0" uses the same count as Art. 9.2 (all scored
 * subjects when a class has fewer than 6).
 */
public final class Tt22Titles implements TitleRule {

    /** The TT22 Art. 15 rule; stateless. */
    public static final Tt22Titles INSTANCE = new Tt22Titles();

    private static final BigDecimal D_9_0 = new BigDecimal("9.0");

    private Tt22Titles() {
    }

    @Override
    public Award award(Level conductYear, Level learningYear, List<BigDecimal> scoredYearAverages) {
        if (conductYear != Level.T || learningYear != Level.T) {
            return new Award(null, "Không có danh hiệu: cần rèn luyện và học tập cả năm đều Tốt (rèn luyện "
                    + conductYear.label() + ", học tập " + learningYear.label() + ")");
        }
        long atNine = scoredYearAverages.stream().filter(v -> v.compareTo(D_9_0) >= 0).count();
        int required = Math.min(6, scoredYearAverages.size());
        String counted = atNine + " môn có ĐTBmcn từ 9,0 (Xuất sắc cần ít nhất " + required + ")";
        // TT22 Art. 15.1.a: Xuất sắc: conduct T, learning T, at least 6 subjects with ĐTBmcn ≥ 9.0.
        if (atNine >= required) {
            return new Award(Title.XUAT_SAC, Title.XUAT_SAC.label() + ": rèn luyện Tốt, học tập Tốt, " + counted);
        }
        // TT22 Art. 15.1.b: Giỏi: conduct T and learning T.
        return new Award(Title.GIOI, Title.GIOI.label() + ": rèn luyện Tốt, học tập Tốt; " + counted);
    }
}
