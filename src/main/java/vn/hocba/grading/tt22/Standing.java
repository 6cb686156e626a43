package vn.hocba.grading.tt22;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import vn.hocba.grading.Mark;
import vn.hocba.grading.Subject;

/**
 * The results one learning level is judged on: per subject its ĐTBmhk/ĐTBmcn (scored) or Đ/CĐ
 * (comment), for a term, the year, or the year after retests.
 */
final class Standing {

    /** One subject's result in the standing. */
    record Entry(Subject subject, Mark result) {
    }

    private final List<Entry> entries;
    private final List<Subject> failedComments;
    private final Subject[] scored;
    private final BigDecimal[] scores;

    /** Classifies the entries once; the level rules then only count. */
    Standing(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        List<Subject> failed = new ArrayList<>(2);
        List<Subject> scoredSubjects = new ArrayList<>(entries.size());
        List<BigDecimal> values = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            if (e.result() instanceof Mark.Score s) {
                scoredSubjects.add(e.subject());
                values.add(s.value());
            } else if (e.result() == Mark.Comment.CHUA_DAT) {
                failed.add(e.subject());
            }
        }
        this.failedComments = List.copyOf(failed);
        this.scored = scoredSubjects.toArray(new Subject[0]);
        this.scores = values.toArray(new BigDecimal[0]);
    }

    List<Entry> entries() {
        return entries;
    }

    /**
     * TT22 Art. 9.2 asks for "at least 6 scored subjects" at a threshold. Interpretation: when a
     * class has fewer than 6 scored subjects (never the case in the THCS/THPT programmes, but
     * possible in a partial gradebook) the count required is the number of scored subjects, i.e.
     * all of them; otherwise no student could reach Đạt at all.
     */
    int requiredCount() {
        return Math.min(6, scores.length);
    }

    /** Comment subjects whose result is CĐ. */
    List<Subject> failedComments() {
        return failedComments;
    }

    /** Scored subjects whose result is below {@code floor}. */
    List<Subject> scoredBelow(BigDecimal floor) {
        List<Subject> below = new ArrayList<>(2);
        for (int i = 0; i < scores.length; i++) {
            if (scores[i].compareTo(floor) < 0) {
                below.add(scored[i]);
            }
        }
        return below;
    }

    /** How many scored subjects have a result of at least {@code threshold}. */
    int scoredAtLeast(BigDecimal threshold) {
        int count = 0;
        for (BigDecimal score : scores) {
            if (score.compareTo(threshold) >= 0) {
                count++;
            }
        }
        return count;
    }

    /** Scored results in subject order. */
    List<BigDecimal> scoredResults() {
        return List.of(scores);
    }

    /** "Toán, Ngữ văn", for explanations. */
    static String names(List<Subject> subjects) {
        return subjects.stream().map(Subject::name).collect(Collectors.joining(", "));
    }
}
