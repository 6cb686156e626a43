package vn.hocba.pades.internal;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Test;

class StampContentTest {

    @Test
    void operandsAreWrittenWithAtMostThreeDecimalsAndNoTrailingZeros() {
        assertThat(StampContent.number(12f)).isEqualTo("12");
        assertThat(StampContent.number(0.5f)).isEqualTo("0.5");
        assertThat(StampContent.number(-3.14159f)).isEqualTo("-3.142");
        assertThat(StampContent.number(-0.0004f)).isEqualTo("0");
        assertThat(StampContent.number(1.05f)).isEqualTo("1.05");
        assertThat(StampContent.number(0.007f)).isEqualTo("0.007");
        assertThat(StampContent.number(-0.25f)).isEqualTo("-0.25");
    }
}
