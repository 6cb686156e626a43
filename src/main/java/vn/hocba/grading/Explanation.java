package vn.hocba.grading;

import java.util.Objects;

/**
 * How one result was obtained, in Vietnamese, e.g.
 * {@code "ĐTBmhk = (8+9+7+10 + 2×7.5 + 3×8.0)/9 = 73.0/9 = 8.1"}. Plain data, so it can be stored
 * with the results.
 *
 * @param topic what is explained: {@code SUBJECT/HK1}, {@code SUBJECT/HK2}, {@code SUBJECT/CN},
 *     {@code SUBJECT/retest}, {@code learning/HK1|HK2|CN|afterRetest}, {@code conduct/CN},
 *     {@code conduct/afterSummer}, {@code promotion}, {@code title}, {@code missing}
 * @param text the Vietnamese explanation
 */
public record Explanation(String topic, String text) {

    public Explanation {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(text, "text");
    }

    /** Topic of a subject result, e.g. {@code TOAN/HK1}; {@code period} is HK1, HK2, CN or retest. */
    public static String subjectTopic(SubjectCode subject, String period) {
        return subject.value() + "/" + period;
    }
}
