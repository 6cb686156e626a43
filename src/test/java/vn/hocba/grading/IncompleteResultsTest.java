package vn.hocba.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hocba.grading.Gradebooks.resultsOf;
import static vn.hocba.grading.Gradebooks.student;
import static vn.hocba.grading.Gradebooks.termMarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IncompleteResultsTest {

    @ParameterizedTest(name = "{0} {1}: [{2}] → missing {3}")
    @CsvSource(delimiter = ';', value = {
        // Toán has 140 periods: 4 regular marks required
        "TOAN; HK1; 8 8 8 | 8 | 8;    ĐĐGtx 4",
        "TOAN; HK2; 8 8 | 8 | 8;      ĐĐGtx 3, ĐĐGtx 4",
        "TOAN; HK1; 8 8 8 8 | - | 8;  ĐĐGgk",
        "TOAN; HK2; 8 8 8 8 | 8 | -;  ĐĐGck",
        // GDCD has 35 periods: 2 required
        "GDCD; HK1; 8 | 8 | 8;        ĐĐGtx 2",
        // comment subjects: 2 regular assessments
        "GDTC; HK2; Đ | Đ | Đ;        ĐĐGtx 2",
        "GDTC; HK1; Đ Đ | - | -;      ĐĐGgk, ĐĐGck"})
    void aMissingRequiredMarkIsListedAndNoLevelPromotionOrTitleIsGiven(String subject, Term term, String marks,
                                                                       String columns) {
        StudentResults r = resultsOf(student("9.0").term(subject, term, termMarks(marks)).build());
        assertThat(r.complete()).isFalse();
        assertThat(r.missing()).extracting(MissingEntry::column).containsExactly(columns.split(", "));
        assertThat(r.missing()).allSatisfy(m -> {
            assertThat(m.student()).isEqualTo(new StudentCode("HS0001"));
            assertThat(m.subject()).isEqualTo(new SubjectCode(subject));
            assertThat(m.term()).isEqualTo(term);
            assertThat(m.message()).contains("HS0001", subject, term.label(), m.column());
        });
        assertThat(r.learning()).isNull();
        assertThat(r.conduct()).isNull();
        assertThat(r.promotion()).isNull();
        assertThat(r.title()).isNull();
    }

    @Test
    void theAveragesThatCanBeComputedAreStillShown() {
        StudentResults r = resultsOf(student("9.0").term("TOAN", Term.HK2, termMarks("8 8 8 | 8 | -")).build());
        SubjectResult toan = r.subject(new SubjectCode("TOAN"));
        assertThat(toan.hk1()).isEqualTo(Gradebooks.mark("9.0"));
        assertThat(toan.hk2()).isNull();
        assertThat(toan.year()).isNull();
        assertThat(r.subject(new SubjectCode("NGU_VAN")).year()).isEqualTo(Gradebooks.mark("9.0"));
        assertThat(r.explain("TOAN/HK2").orElseThrow().text()).contains("ĐĐGtx 4", "ĐĐGck");
    }

    @Test
    void aMissingTermConductRatingMakesTheStudentIncomplete() {
        StudentResults r = resultsOf(student("9.0").conduct(Level.T, null).build());
        assertThat(r.complete()).isFalse();
        assertThat(r.missing()).singleElement().satisfies(m -> {
            assertThat(m.subject()).isNull();
            assertThat(m.term()).isEqualTo(Term.HK2);
            assertThat(m.column()).isEqualTo(MissingEntry.CONDUCT);
        });
        assertThat(r.promotion()).isNull();
    }

    @Test
    void aSubjectWithNoMarksAtAllListsEveryRequiredColumnOfBothTerms() {
        StudentRecord s = student("9.0").build();
        java.util.Map<SubjectCode, SubjectMarks> marks = new java.util.HashMap<>(s.marks());
        marks.remove(new SubjectCode("GDCD"));
        StudentResults r = resultsOf(new StudentRecord(s.code(), s.fullName(), s.absences(), s.conduct(), marks));
        assertThat(r.missing()).hasSize(8);
    }

    @Test
    void zeroAndChuaDatAreMarksNotMissingValues() {
        StudentResults r = resultsOf(student("9.0").term("TOAN", Term.HK1, termMarks("0 0 0 0 | 0 | 0"))
                .term("GDTC", Term.HK1, termMarks("CĐ CĐ | CĐ | CĐ")).build());
        assertThat(r.complete()).isTrue();
        assertThat(r.subject(new SubjectCode("TOAN")).hk1()).isEqualTo(Gradebooks.mark("0.0"));
        assertThat(r.subject(new SubjectCode("GDTC")).hk1()).isEqualTo(Mark.Comment.CHUA_DAT);
    }

    @Test
    void theClassListsEverythingMissingForTheReadinessCheck() {
        ClassResults results = RuleSets.standard().compute(Gradebooks.of(
                student("9.0").code("HS1").build(),
                student("9.0").code("HS2").conduct(null, Level.T).build()));
        assertThat(results.complete()).isFalse();
        assertThat(results.missing()).extracting(MissingEntry::student).containsExactly(new StudentCode("HS2"));
    }
}
