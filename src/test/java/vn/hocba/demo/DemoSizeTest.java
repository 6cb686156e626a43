package vn.hocba.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The demo school's size from settings: today's school by default, 30 × 40 for the whole-school benchmark. */
class DemoSizeTest {

    @Test
    void defaultsAreTodaysDemoSchool() {
        DemoSize size = DemoSize.defaults();
        assertThat(size.classCodes()).containsExactly("6A1", "6A2", "7A1", "7A2", "8A1", "8A2", "9A1", "9A2");
        assertThat(IntStream.range(0, 8).map(size::students).sum()).isEqualTo(34 + 35 + 36 + 34 + 35 + 36 + 34 + 35);
        assertThat(DemoStaff.homerooms(size.classCodes()).stream().map(h -> h[1]))
                .containsExactly("GV01", "GV04", "GV07", "GV13", "GV02", "GV05", "GV14", "GV10");
        assertThat(DemoStaff.people(DemoStaff.homerooms(size.classCodes()))).hasSize(DemoStaff.PEOPLE.size());
    }

    @Test
    void thirtyClassesOfFortyMake1200StudentsEachClassWithItsOwnHomeroomTeacher() {
        DemoSize size = new DemoSize(30, 40);
        List<String> codes = size.classCodes();
        assertThat(codes).hasSize(30).doesNotHaveDuplicates().startsWith("6A1").contains("6A8", "7A8", "8A7", "9A7")
                .doesNotContain("8A8", "9A8");
        assertThat(IntStream.range(0, 30).map(size::students).sum()).isEqualTo(1200);
        List<String[]> homerooms = DemoStaff.homerooms(codes);
        assertThat(homerooms.stream().map(h -> h[1])).hasSize(30).doesNotHaveDuplicates().contains("GV26", "GV47");
        assertThat(DemoStaff.people(homerooms)).hasSize(DemoStaff.PEOPLE.size() + 22)
                .filteredOn(p -> p.code().equals("GV47")).singleElement()
                .satisfies(p -> assertThat(p.username()).isEqualTo("gv47"));
    }

    @Test
    void aSizeOutsideTheRangeIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new DemoSize(0, 40)).hasMessageContaining("hocba.demo.classes");
        assertThatThrownBy(() -> new DemoSize(30, 61)).hasMessageContaining("hocba.demo.students-per-class");
    }
}
