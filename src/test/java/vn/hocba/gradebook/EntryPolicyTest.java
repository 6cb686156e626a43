package vn.hocba.gradebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.hocba.common.Rejected;

/** How a typed mark is read: ASCII digits and one decimal separator, exactly what the teacher sees. */
class EntryPolicyTest {

    private static final String WHERE = "Nguyễn Văn A, môn Toán, học kì I, ĐĐGgk";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"8|8.0", "7,5|7.5", "7.5|7.5", " 10 |10.0", "0|0.0", "9.0|9.0", "08|8.0"})
    void aPeriodicMarkIsDigitsWithAtMostOneDecimalByCommaOrPoint(String typed, String stored) {
        assertThat(EntryPolicy.SEED_000.score(typed, MarkKind.MIDTERM, WHERE)).isEqualByComparingTo(stored)
                .hasToString(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0668", "\uff11\uff10", "\u0e58", "\u09ee", "1E1", "1e1", "1E+1", "+8", "-0", "8.", ".5", "0x8",
        "8 5", "8,5,0", "1_0", "∞", "NaN"})
    void nonAsciiDigitsExponentsSignsAndStrayCharactersAreRefusedSayingWhatAMarkLooksLike(String typed) {
        assertThatThrownBy(() -> EntryPolicy.SEED_000.score(typed, MarkKind.MIDTERM, WHERE))
                .isInstanceOf(Rejected.class)
                .hasMessageStartingWith(WHERE)
                .hasMessageContaining("không phải là điểm")
                .hasMessageContaining("chữ số 0–9");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,000", "1.000", "7.50", "7,25"})
    void moreThanOneTypedDecimalIsRefusedEvenWhenTheyAreZeros(String typed) {
        assertThatThrownBy(() -> EntryPolicy.SEED_000.score(typed, MarkKind.FINAL, WHERE))
                .isInstanceOf(Rejected.class)
                .hasMessageContaining("một chữ số thập phân");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.5", "11", "100"})
    void marksAboveTenAreRefused(String typed) {
        assertThatThrownBy(() -> EntryPolicy.SEED_000.score(typed, MarkKind.FINAL, WHERE))
                .isInstanceOf(Rejected.class)
                .hasMessageContaining("0–10");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"8|8", "8,0|8", "8.0|8"})
    void aRegularMarkIsAWholeNumberAndATypedZeroDecimalIsAccepted(String typed, String stored) {
        assertThat(EntryPolicy.SEED_000.score(typed, MarkKind.REGULAR, WHERE)).isEqualByComparingTo(stored);
    }
}
