package vn.hocba.grading;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the engine computes for one student. When {@link #complete()} is false (a required
 * mark or a term conduct rating is missing) only {@link #subjects()} (the values that can be
 * computed) and {@link #missing()} are meaningful: learning, conduct, promotion and title are null.
 *
 * @param subjects results per subject, in the class's subject order
 * @param absences total sessions absent in the year
 * @param promotion year-end decision, null when incomplete
 * @param title the year's title, null when none (or incomplete)
 * @param explanations how every result was obtained
 */
public record StudentResults(StudentCode code, String fullName, boolean complete,
                             List<MissingEntry> missing, Map<SubjectCode, SubjectResult> subjects,
                             LearningResults learning, ConductResults conduct, int absences,
                             Promotion promotion, Title title, List<Explanation> explanations) {

    public StudentResults {
        missing = List.copyOf(missing);
        subjects = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(subjects));
        explanations = List.copyOf(explanations);
    }

    public SubjectResult subject(SubjectCode code) {
        return subjects.get(code);
    }

    /** The explanation of a topic (see {@link Explanation#topic()}), if that result exists. */
    public Optional<Explanation> explain(String topic) {
        return explanations.stream().filter(e -> e.topic().equals(topic)).findFirst();
    }
}
