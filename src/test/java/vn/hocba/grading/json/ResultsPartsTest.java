package vn.hocba.grading.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.hocba.grading.ClassGradebook;
import vn.hocba.grading.ClassResults;
import vn.hocba.grading.Gradebooks;
import vn.hocba.grading.RandomClasses;
import vn.hocba.grading.RuleSets;
import vn.hocba.grading.StudentRecord;
import vn.hocba.grading.Subject;
import vn.hocba.grading.SubjectCode;
import vn.hocba.grading.SubjectMarks;

class ResultsPartsTest {

    private final ResultsParts parts = new ResultsParts();

    @Test
    void thePartsComposeExactlyTheDocumentWrittenInOnePiece() {
        for (long seed = 1; seed <= 20; seed++) {
            ClassResults results = RuleSets.standard().compute(new RandomClasses(seed).classOf(35));
            Map<String, String> stored = store(results, results);

            assertThat(parts.compose(parts.classPart(results), code -> Optional.ofNullable(stored.get(code))))
                    .as("class %d", seed).contains(new ResultsJson(true).write(results));
        }
    }

    @Test
    void retestsAndTheirExplanationsSurviveTheCut() {
        ClassResults results = RuleSets.standard().compute(Gradebooks.of(Gradebooks.student("6.0").set("TOAN", "3.0")
                .set("NGU_VAN", "3.0").retest("TOAN", "5").retest("NGU_VAN", "6.5").build()));
        Map<String, String> stored = store(results, results);

        String composed = parts.compose(parts.classPart(results), code -> Optional.ofNullable(stored.get(code))).orElseThrow();

        assertThat(composed).isEqualTo(new ResultsJson(true).write(results)).contains("\"retest\" : 5.0", "TOAN/retest");
    }

    @Test
    void afterAChangeToOneSubjectOnlyThatSubjectsPartAndTheClassPartNeedRewriting() {
        for (long seed = 1; seed <= 20; seed++) {
            ClassGradebook before = new RandomClasses(seed).classOf(35);
            Subject changed = before.subjects().get((int) (seed % before.subjects().size()));
            ClassGradebook after = withMarksOf(before, changed.code(), new RandomClasses(seed + 1000).classOf(35));
            ClassResults old = RuleSets.standard().compute(before);
            ClassResults now = RuleSets.standard().compute(after);
            Map<String, String> stored = store(old, old);
            stored.put(changed.code().value(), parts.subjectPart(now, changed.code()));

            assertThat(parts.compose(parts.classPart(now), code -> Optional.ofNullable(stored.get(code))))
                    .as("class %d, %s changed", seed, changed.code()).contains(new ResultsJson(true).write(now));
        }
    }

    @Test
    void partsWrittenForOtherStudentsOrAMissingPartAreNotComposed() {
        ClassResults results = RuleSets.standard().compute(new RandomClasses(7).classOf(35));
        ClassResults fewer = RuleSets.standard().compute(new RandomClasses(7).classOf(34));
        Map<String, String> stale = store(fewer, fewer);
        Map<String, String> oneMissing = store(results, results);
        oneMissing.remove(oneMissing.keySet().iterator().next());

        assertThat(parts.compose(parts.classPart(results), code -> Optional.ofNullable(stale.get(code)))).isEmpty();
        assertThat(parts.compose(parts.classPart(results), code -> Optional.ofNullable(oneMissing.get(code)))).isEmpty();
    }

    private Map<String, String> store(ClassResults results, ClassResults subjectsFrom) {
        Map<String, String> stored = new HashMap<>();
        for (SubjectCode code : subjectsFrom.students().get(0).subjects().keySet()) {
            stored.put(code.value(), parts.subjectPart(results, code));
        }
        return stored;
    }

    /** {@code book} with one subject's marks taken from {@code other} (same students, same subjects). */
    private static ClassGradebook withMarksOf(ClassGradebook book, SubjectCode subject, ClassGradebook other) {
        List<StudentRecord> students = new ArrayList<>();
        for (int i = 0; i < book.students().size(); i++) {
            StudentRecord s = book.students().get(i);
            Map<SubjectCode, SubjectMarks> marks = new HashMap<>(s.marks());
            SubjectMarks replaced = other.students().get(i).marksOf(subject);
            marks.put(subject, new SubjectMarks(replaced.hk1(), replaced.hk2(), s.marksOf(subject).retest()));
            students.add(new StudentRecord(s.code(), s.fullName(), s.absences(), s.conduct(), marks));
        }
        return new ClassGradebook(book.schoolYear(), book.schoolCode(), book.schoolName(), book.classCode(), book.grade(),
                book.subjects(), students);
    }
}
