package vn.hocba.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrderIndependenceTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void resultsDoNotDependOnTheOrderOfStudentsOrSubjects(long seed) {
        ClassGradebook original = new RandomClasses(seed).classOf(200);
        List<Subject> subjects = new ArrayList<>(original.subjects());
        List<StudentRecord> students = new ArrayList<>(original.students());
        Collections.shuffle(subjects, new Random(seed));
        Collections.shuffle(students, new Random(seed + 1));
        ClassGradebook shuffled = Gradebooks.of(subjects, students);

        Map<StudentCode, StudentResults> before = byCode(RuleSets.standard().compute(original));
        Map<StudentCode, StudentResults> after = byCode(RuleSets.standard().compute(shuffled));
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (StudentCode code : before.keySet()) {
            assertThat(comparable(after.get(code))).as(code.value()).isEqualTo(comparable(before.get(code)));
        }
        assertThat(variety(before.values())).as("the data exercises every decision")
                .containsAll(EnumSet.allOf(Promotion.class));
    }

    /**
     * Everything except the order of subjects and explanations (an explanation lists subjects in
     * the class's subject order, which is presentation, not a result).
     */
    private static List<Object> comparable(StudentResults r) {
        return List.of(r.complete(), Set.copyOf(r.missing()), Map.copyOf(r.subjects()), String.valueOf(r.learning()),
                String.valueOf(r.conduct()), r.absences(), String.valueOf(r.promotion()), String.valueOf(r.title()),
                r.explanations().stream().map(Explanation::topic).collect(Collectors.toSet()));
    }

    private static Set<Promotion> variety(java.util.Collection<StudentResults> results) {
        return results.stream().filter(StudentResults::complete).map(StudentResults::promotion)
                .collect(Collectors.toSet());
    }

    private static Map<StudentCode, StudentResults> byCode(ClassResults results) {
        return results.students().stream().collect(Collectors.toMap(StudentResults::code, Function.identity()));
    }
}
