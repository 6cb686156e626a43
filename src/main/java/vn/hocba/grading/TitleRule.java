package vn.hocba.grading;

import java.math.BigDecimal;
import java.util.List;

/**
 * Which title a student earns at year end. Switchable per school year ({@link RuleSets}) because
 * a new commendation regulation (e.g. Thông tư 19/2025) may change TT22 Art. 15.
 */
public interface TitleRule {

    /** No titles at all. */
    TitleRule NONE = (conduct, learning, scoredYearAverages) ->
            new Award(null, "Năm học này không xét danh hiệu theo Điều 15.");

    /**
     * @param conductYear year conduct before any summer training
     * @param learningYear year learning level before any retest
     * @param scoredYearAverages ĐTBmcn of every scored subject, before any retest
     */
    Award award(Level conductYear, Level learningYear, List<BigDecimal> scoredYearAverages);

    /** A title (or null for none) and why, in Vietnamese. */
    record Award(Title title, String reason) {
    }
}
