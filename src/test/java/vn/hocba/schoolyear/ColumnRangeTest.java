package vn.hocba.schoolyear;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a co-teacher's columns read on the pages and in messages (Nghệ thuật: music column 1, fine arts column 2). */
class ColumnRangeTest {

    @Test
    void oneColumnIsNamedOnceAndARangeByItsEnds() {
        assertThat(new ColumnRange(2, 2)).hasToString("cột 2");
        assertThat(new ColumnRange(1, 2)).hasToString("cột 1–2");
        assertThat(ColumnRange.WHOLE).hasToString("tất cả các cột");
    }
}
