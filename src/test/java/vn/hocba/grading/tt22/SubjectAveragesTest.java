package vn.hocba.grading.tt22;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.hocba.grading.Gradebooks;

class SubjectAveragesTest {

    @ParameterizedTest(name = "{0} → ĐTBmhk {1}")
    @CsvSource(delimiter = ';', value = {
        // exact quotient 66/8 = 8.25 rounds half-up to 8.3
        "8 8 8 | 6 | 10;        8.3",
        // 43.9/8 = 5.4875 → 5.5
        "5 5 5 | 5.0 | 6.3;     5.5",
        // 39.6/8 = 4.95 → 5.0 (not 4.9)
        "5 5 5 | 4.8 | 5.0;     5.0",
        // 40.4/8 = 5.05 → 5.1
        "5 5 5 | 5.2 | 5.0;     5.1",
        // 64.8/7 = 9.2571… → 9.3
        "9 9 | 9.6 | 9.2;       9.3",
        // 73/9 = 8.111… → 8.1, the brief's example
        "8 9 7 10 | 7.5 | 8.0;  8.1",
        // extra regular marks all count: (5+5+5+5+5+10 + 2·5 + 3·5)/11 = 60/11 = 5.4545… → 5.5
        "5 5 5 5 5 10 | 5 | 5;  5.5",
        "0 0 | 0 | 0;           0.0",
        "10 10 10 10 | 10 | 10; 10.0"})
    void termAverageWeightsMidtermTwiceAndEndOfTermThriceAndRoundsHalfUp(String marks, String expected) {
        BigDecimal value = SubjectAverages.term(Gradebooks.termMarks(marks)).value();
        assertThat(value).isEqualByComparingTo(expected);
        assertThat(value.scale()).isEqualTo(1);
    }

    @ParameterizedTest(name = "HK I {0}, HK II {1} → ĐTBmcn {2}")
    @CsvSource({
        // from the ROUNDED terms 5.0 and 5.1: 15.2/3 = 5.0667 → 5.1 (unrounded 4.95, 5.05 would give 5.0)
        "5.0, 5.1, 5.1",
        "6.2, 7.4, 7.0",
        // 6.5 + 2·8.0 = 22.5/3 = 7.5 exactly
        "6.5, 8.0, 7.5",
        // 4.9 + 2·5.0 = 14.9/3 = 4.9667 → 5.0
        "4.9, 5.0, 5.0",
        // 7.7 + 2·8.4 = 24.5/3 = 8.1667 → 8.2
        "7.7, 8.4, 8.2",
        // 8.2 + 2·8.0 = 24.2/3 = 8.0667 → 8.1
        "8.2, 8.0, 8.1"})
    void yearAverageCountsTermTwoTwiceFromRoundedTermAverages(String hk1, String hk2, String expected) {
        BigDecimal value = SubjectAverages.year(new BigDecimal(hk1), new BigDecimal(hk2)).value();
        assertThat(value).isEqualByComparingTo(expected);
        assertThat(value.scale()).isEqualTo(1);
    }

    @Test
    void yearAverageUsesTheRoundedTermAveragesNotTheExactOnes() {
        BigDecimal hk1 = SubjectAverages.term(Gradebooks.termMarks("5 5 5 | 4.8 | 5.0")).value();
        BigDecimal hk2 = SubjectAverages.term(Gradebooks.termMarks("5 5 5 | 5.2 | 5.0")).value();
        // exact terms 4.95 and 5.05 would give (4.95 + 10.1)/3 = 5.0167 → 5.0
        assertThat(SubjectAverages.year(hk1, hk2).value()).isEqualByComparingTo("5.1");
    }

    @Test
    void explanationShowsTheFormulaWithTheMarksAsEntered() {
        String text = SubjectAverages.term(Gradebooks.termMarks("8 9 7 10 | 7.5 | 8.0")).explanation();
        assertThat(text).isEqualTo("ĐTBmhk = (8+9+7+10 + 2×7.5 + 3×8.0)/9 = 73.0/9 = 8.1");
    }
}
