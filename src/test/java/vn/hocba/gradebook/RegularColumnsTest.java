package vn.hocba.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.hocba.grading.Mark;

/** Where an imported document's regular marks go, and how uploaded headers are recognised. */
class RegularColumnsTest {

    @Test
    void marksListedWithoutColumnNumbersGoBackToTheColumnsTheyCameFrom() {
        List<MarkCell> stored = List.of(cell(1, "7.0"), cell(3, "8.0"), new MarkCell(1, MarkKind.MIDTERM, 1, "6.5", 0));
        Map<Integer, Mark> placed = RegularColumns.place(List.of(Mark.Score.of("7"), Mark.Score.of("9"), Mark.Score.of("5")), stored);
        assertThat(placed).containsExactly(Map.entry(1, Mark.Score.of("7")), Map.entry(3, Mark.Score.of("9")),
                Map.entry(4, Mark.Score.of("5")));
    }

    @Test
    void aShorterListClearsTheLastStoredColumns() {
        Map<Integer, Mark> placed = RegularColumns.place(List.of(Mark.Score.of("6")), List.of(cell(2, "7.0"), cell(5, "8.0")));
        Map<Integer, Mark> expected = new HashMap<>();
        expected.put(2, Mark.Score.of("6"));
        expected.put(5, null);
        assertThat(placed).isEqualTo(expected);
    }

    @Test
    void headersAreRecognisedWhateverTheirSpellingSpacesOrCase() {
        assertThat(SheetColumn.of("ĐĐGtx 3")).contains(SheetColumn.regular(3));
        assertThat(SheetColumn.of(" tx12 ")).contains(SheetColumn.regular(12));
        assertThat(SheetColumn.of("Giữa kỳ")).contains(SheetColumn.MIDTERM);
        assertThat(SheetColumn.of("CUỐI KÌ")).contains(SheetColumn.FINAL);
        assertThat(SheetColumn.of("Ghi chú")).isEmpty();
        assertThat(SheetColumn.isCode("Mã học sinh")).isTrue();
        assertThat(SheetColumn.isCode("Mã lớp")).isFalse();
    }

    private static MarkCell cell(int column, String value) {
        return new MarkCell(1, MarkKind.REGULAR, column, value, 0);
    }
}
