package vn.hocba.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hocba.grading.Gradebooks.resultsOf;
import static vn.hocba.grading.Gradebooks.student;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TitlesTest {

    @ParameterizedTest(name = "{0} subjects at 9.0 → {1}")
    @CsvSource(nullValues = "-", value = {"8, XUAT_SAC", "6, XUAT_SAC", "5, GIOI", "0, GIOI"})
    void xuatSacNeedsSixScoredSubjectsWithYearAverageNineOrMore(int atNine, Title expected) {
        Gradebooks.Student s = student("8.9");
        String[] scored = {"NGU_VAN", "TOAN", "NGOAI_NGU_1", "GDCD", "LS_DL", "KHTN", "CONG_NGHE", "TIN_HOC"};
        for (int i = 0; i < atNine; i++) {
            s.set(scored[i], "9.0");
        }
        StudentResults r = resultsOf(s.build());
        assertThat(r.learning().year().level()).isEqualTo(Level.T);
        assertThat(r.title()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "conduct {0}/{1}, all subjects {2} → {3}")
    @CsvSource(nullValues = "-", value = {"T, T, 9.5, XUAT_SAC", "T, K, 9.5, -", "D, T, 9.5, -",
        "T, T, 7.9, -"})
    void titlesNeedYearConductAndLearningTot(Level hk1, Level hk2, String score, Title expected) {
        assertThat(resultsOf(student(score).conduct(hk1, hk2).build()).title()).isEqualTo(expected);
    }

    @Test
    void titlesCanBeSwitchedOffForASchoolYear() {
        RuleSets noTitlesIn2025 = RuleSets.withTitles(year -> year.startYear() == 2025 ? TitleRule.NONE
                : RuleSets.tt22Titles());
        StudentRecord excellent = student("9.5").build();
        ClassGradebook in2024 = Gradebooks.of(excellent);
        ClassGradebook in2025 = new ClassGradebook(new SchoolYear(2025), "S", "S", new ClassCode("7A1"), 7,
                Gradebooks.THCS, List.of(excellent));
        assertThat(noTitlesIn2025.compute(in2024).students().get(0).title()).isEqualTo(Title.XUAT_SAC);
        assertThat(noTitlesIn2025.compute(in2025).students().get(0).title()).isNull();
        assertThat(noTitlesIn2025.compute(in2025).students().get(0).promotion()).isEqualTo(Promotion.PROMOTED);
    }

    @Test
    void titleComesFromYearResultsBeforeAnyReassessment() {
        // Year conduct K/CĐ → CĐ; summer training T does not make the year conduct Tốt.
        StudentResults r = resultsOf(student("9.5").conduct(Level.K, Level.CD).summer(Level.T).build());
        assertThat(r.promotion()).isEqualTo(Promotion.PROMOTED_AFTER_REASSESSMENT);
        assertThat(r.title()).isNull();
    }
}
