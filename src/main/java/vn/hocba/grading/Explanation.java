package vn.hocba.grading;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * How one result was obtained, in Vietnamese, e.g.
 * {@code "Toán, HK I: ĐTBmhk = (8+9+7+10 + 2×7.5 + 3×8.0)/9 = 73.0/9 = 8.1"}. Plain data (a topic
 * and a text), so it can be stored with the results.
 *
 * <p>The engine may compose the text on first use from the immutable values it explains (most
 * results are never explained to anyone, and composing ~45 Vietnamese texts per student costs
 * more than computing the results); the text is the same whenever it is read.
 */
public final class Explanation {

    private final String topic;
    private final Supplier<String> composer;
    private String text;

    /**
     * @param topic what is explained: {@code SUBJECT/HK1}, {@code SUBJECT/HK2}, {@code SUBJECT/CN},
     *     {@code SUBJECT/retest}, {@code learning/HK1|HK2|CN|afterRetest}, {@code conduct/CN},
     *     {@code conduct/afterSummer}, {@code promotion}, {@code title}, {@code missing}
     * @param text the Vietnamese explanation
     */
    public Explanation(String topic, String text) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.text = Objects.requireNonNull(text, "text");
        this.composer = null;
    }

    private Explanation(String topic, Supplier<String> composer) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.composer = Objects.requireNonNull(composer, "composer");
    }

    /** An explanation whose text is composed when first read; {@code composer} must be pure. */
    public static Explanation composedOnUse(String topic, Supplier<String> composer) {
        return new Explanation(topic, composer);
    }

    /** Topic of a subject result, e.g. {@code TOAN/HK1}; {@code period} is HK1, HK2, CN or retest. */
    public static String subjectTopic(SubjectCode subject, String period) {
        return subject.value() + "/" + period;
    }

    public String topic() {
        return topic;
    }

    /** The Vietnamese explanation. */
    public String text() {
        // A race only composes the same immutable String twice; the composer is never cleared.
        String t = text;
        if (t == null) {
            t = Objects.requireNonNull(composer.get(), "composed text");
            text = t;
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Explanation e && e.topic.equals(topic) && e.text().equals(text());
    }

    @Override
    public int hashCode() {
        return 31 * topic.hashCode() + text().hashCode();
    }

    @Override
    public String toString() {
        return topic + ": " + text();
    }
}
