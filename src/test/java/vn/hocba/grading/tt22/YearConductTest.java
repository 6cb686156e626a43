package vn.hocba.grading.tt22;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.hocba.grading.Level;

class YearConductTest {

    @ParameterizedTest(name = "HK I {0}, HK II {1} → {2}")
    @CsvSource({
        "T, T, T", "K, T, T", "D, T, K", "CD, T, K",
        "T, K, K", "K, K, K", "D, K, K", "CD, K, D",
        "T, D, K", "K, D, D", "D, D, D", "CD, D, D",
        "T, CD, CD", "K, CD, CD", "D, CD, CD", "CD, CD, CD"})
    void yearConductFollowsTheTableOfArticle8ForAllSixteenCombinations(Level hk1, Level hk2, Level year) {
        assertThat(YearConduct.of(hk1, hk2)).isEqualTo(year);
    }
}
