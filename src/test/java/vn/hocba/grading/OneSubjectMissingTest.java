package vn.hocba.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: a subject teacher's sign-off lists the subject's missing marks from that subject's sheet alone
 * ({@link RuleSets#missing}) instead of computing the whole class. For many generated classes (seeded, so a
 * failure repeats) the one-subject check gives exactly the entries (students, columns, Vietnamese messages, in
 * order) that the whole-class computation lists for that subject and term — also when it is given nothing but
 * that subject's marks of the term, as the sign-off's sheet holds.
 */
class OneSubjectMissingTest {

    private static final RuleSets RULES = RuleSets.standard();
    private static final Mark.Comment[] COMMENTS = Mark.Comment.values();

    @Test
    void theOneSubjectCheckListsExactlyWhatTheWholeClassComputationListsForThatSubjectAndTerm() {
        Random random = new Random(19);
        int complete = 0;
        int incomplete = 0;
        for (int n = 0; n < 200; n++) {
            ClassGradebook gradebook = generated(random);
            List<MissingEntry> wholeClass = RULES.compute(gradebook).missing();
            for (Subject subject : gradebook.subjects()) {
                for (Term term : Term.values()) {
                    List<MissingEntry> expected = wholeClass.stream()
                            .filter(m -> subject.code().equals(m.subject()) && m.term() == term).toList();
                    assertThat(RULES.missing(gradebook, subject, term)).as("class %d, %s %s", n, subject.code(), term)
                            .isEqualTo(expected);
                    assertThat(RULES.missing(sheetOnly(gradebook, subject, term), subject, term))
                            .as("sheet of class %d, %s %s", n, subject.code(), term).isEqualTo(expected);
                    if (expected.isEmpty()) {
                        complete++;
                    } else {
                        incomplete++;
                    }
                }
            }
        }
        // The generator exercises both verdicts many times (a check that always agreed on "nothing" would prove little).
        assertThat(complete).isGreaterThan(100);
        assertThat(incomplete).isGreaterThan(1000);
    }

    @Test
    void aCohortOutsideTt22IsRefusedAsTheWholeClassComputationRefusesIt() {
        ClassGradebook tt58 = new ClassGradebook(new SchoolYear(2022), null, null, new ClassCode("9A1"), 9,
                Gradebooks.THCS, List.of());
        assertThatThrownBy(() -> RULES.compute(tt58)).isInstanceOf(UnsupportedRuleSetException.class);
        assertThatThrownBy(() -> RULES.missing(tt58, Gradebooks.THCS.get(1), Term.HK1))
                .isInstanceOf(UnsupportedRuleSetException.class);
    }

    /** What the sign-off's sheet holds: the roster, each student with only this subject's marks of this term. */
    private static ClassGradebook sheetOnly(ClassGradebook gradebook, Subject subject, Term term) {
        List<StudentRecord> students = gradebook.students().stream().map(s -> {
            TermMarks marks = s.marksOf(subject.code()).term(term);
            SubjectMarks only = term == Term.HK1 ? new SubjectMarks(marks, null, null) : new SubjectMarks(null, marks, null);
            return new StudentRecord(s.code(), s.fullName(), new Absences(0, 0), new ConductRatings(null, null, null),
                    Map.of(subject.code(), only));
        }).toList();
        return new ClassGradebook(gradebook.schoolYear(), null, null, gradebook.classCode(), gradebook.grade(),
                List.of(subject), students);
    }

    /**
     * A class of 0–40 students over the THCS subjects (periods varied around the thresholds of Art. 6), each
     * student's subjects complete, one mark short, or anything from nothing to extra regular marks, comment
     * subjects with Đ/CĐ, conduct and retests present or not, names present or blank.
     */
    private static ClassGradebook generated(Random random) {
        List<Subject> subjects = new ArrayList<>();
        for (Subject s : Gradebooks.THCS) {
            BigDecimal periods = random.nextInt(4) == 0
                    ? List.of(new BigDecimal("35"), new BigDecimal("35.5"), new BigDecimal("70"), new BigDecimal("70.5"),
                            new BigDecimal("105")).get(random.nextInt(5))
                    : s.periodsPerYear();
            subjects.add(new Subject(s.code(), s.name(), s.scored() ? AssessmentKind.SCORE : AssessmentKind.COMMENT, periods));
        }
        int grade = 6 + random.nextInt(4);
        List<StudentRecord> students = new ArrayList<>();
        int size = random.nextInt(41);
        for (int i = 1; i <= size; i++) {
            Map<SubjectCode, SubjectMarks> marks = new HashMap<>();
            for (Subject subject : subjects) {
                if (random.nextInt(10) > 0) {
                    marks.put(subject.code(), new SubjectMarks(termMarks(random, subject), termMarks(random, subject),
                            random.nextInt(20) == 0 ? mark(random, subject) : null));
                }
            }
            Level[] levels = Level.values();
            students.add(new StudentRecord(new StudentCode(String.format("HS%04d", i)),
                    random.nextInt(8) == 0 ? "" : "Học sinh " + i, new Absences(random.nextInt(5), random.nextInt(3)),
                    new ConductRatings(random.nextInt(6) == 0 ? null : levels[random.nextInt(levels.length)],
                            random.nextInt(6) == 0 ? null : levels[random.nextInt(levels.length)], null),
                    marks));
        }
        return new ClassGradebook(new SchoolYear(2025), "DEMO01", "Trường THCS Mẫu", new ClassCode(grade + "A1"), grade,
                subjects, students);
    }

    private static TermMarks termMarks(Random random, Subject subject) {
        int shape = random.nextInt(4);
        int required = RULES.forCohort(new SchoolYear(2025), 6).requiredRegularMarks(subject);
        int regular = switch (shape) {
            case 0 -> required;                      // complete
            case 1 -> Math.max(0, required - 1);     // one regular mark short
            case 2 -> random.nextInt(required + 3);  // anything, extra marks included
            default -> required + random.nextInt(2);
        };
        List<Mark> marks = new ArrayList<>();
        for (int i = 0; i < regular; i++) {
            marks.add(mark(random, subject));
        }
        boolean complete = shape == 0 || shape == 1;
        return new TermMarks(marks, complete || random.nextInt(5) > 0 ? mark(random, subject) : null,
                complete || random.nextInt(5) > 0 ? mark(random, subject) : null);
    }

    private static Mark mark(Random random, Subject subject) {
        return subject.scored() ? new Mark.Score(BigDecimal.valueOf(random.nextInt(101), 1))
                : COMMENTS[random.nextInt(COMMENTS.length)];
    }
}
