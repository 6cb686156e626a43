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
    private final int scoredSubjects;

    Standing(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        this.scoredSubjects = (int) entries.stream().filter(e -> e.subject().scored()).count();
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
        return Math.min(6, scoredSubjects);
    }

    /** Comment subjects whose result is CĐ. */
    List<Subject> failedComments() {
        return entries.stream().filter(e -> e.result() == Mark.Comment.CHUA_DAT)
                .map(Entry::subject).toList();
    }

    /** Scored subjects whose result is below {@code floor}. */
    List<Subject> scoredBelow(BigDecimal floor) {
        return entries.stream()
                .filter(e -> e.result() instanceof Mark.Score s && s.value().compareTo(floor) < 0)
                .map(Entry::subject).toList();
    }

    /** How many scored subjects have a result of at least {@code threshold}. */
    int scoredAtLeast(BigDecimal threshold) {
        int count = 0;
        for (Entry e : entries) {
            if (e.result() instanceof Mark.Score s && s.value().compareTo(threshold) >= 0) {
                count++;
            }
        }
        return count;
    }

    /** Scored results in subject order. */
    List<BigDecimal> scoredResults() {
        List<BigDecimal> values = new ArrayList<>();
        for (Entry e : entries) {
            if (e.result() instanceof Mark.Score s) {
                values.add(s.value());
            }
        }
        return values;
    }

    /** "Toán, Ngữ văn", for explanations. */
    static String names(List<Subject> subjects) {
        return subjects.stream().map(Subject::name).collect(Collectors.joining(", "));
    }
}
