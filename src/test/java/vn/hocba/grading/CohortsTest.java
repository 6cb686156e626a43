package vn.hocba.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CohortsTest {

    @ParameterizedTest(name = "grade {1} in {0}-… → {2}")
    @CsvSource({
        "2020, 6, TT58_TT26", "2021, 6, TT22", "2021, 7, TT58_TT26", "2022, 7, TT22", "2022, 10, TT22",
        "2022, 8, TT58_TT26", "2023, 8, TT22", "2023, 11, TT22", "2023, 9, TT58_TT26", "2023, 12, TT58_TT26",
        "2024, 9, TT22", "2024, 12, TT22", "2030, 12, TT22", "2024, 5, TT27", "2024, 1, TT27"})
    void ruleSetFollowsTheCohortTableOfArticle21(int startYear, int grade, RuleSetId expected) {
        assertThat(Cohorts.ruleSetFor(new SchoolYear(startYear), grade)).isEqualTo(expected);
    }

    @Test
    void olderCohortsAreRefusedWithAClearMessage() {
        ClassGradebook grade9In2023 = new ClassGradebook(new SchoolYear(2023), "S", "S", new ClassCode("9A"), 9,
                Gradebooks.THCS, List.of(Gradebooks.student("8.0").build()));
        assertThatThrownBy(() -> RuleSets.standard().compute(grade9In2023))
                .isInstanceOf(UnsupportedRuleSetException.class)
                .hasMessageContaining("Chưa hỗ trợ").hasMessageContaining("Thông tư 58/2011")
                .hasMessageContaining("khối 9").hasMessageContaining("2023-2024");
    }

    @Test
    void resultsRecordTheRuleSetThatProducedThem() {
        assertThat(RuleSets.standard().compute(Gradebooks.of(Gradebooks.student("8.0").build())).ruleSet())
                .isEqualTo(RuleSetId.TT22);
    }
}
