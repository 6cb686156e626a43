package vn.hocba.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.hocba.schoolyear.HomeroomAssignment;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.security.Accounts;
import vn.hocba.students.StudentRegistry;

/** The demo school created at start-up has the size the settings ask for (issue 19 item 1). */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:sizeddemo;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false", "hocba.demo.classes=9", "hocba.demo.students-per-class=3"})
class SizedDemoSchoolTest {

    @Autowired
    SchoolDirectory directory;
    @Autowired
    StudentRegistry registry;
    @Autowired
    Accounts accounts;

    @Test
    void nineClassesOfThreeStudentsEachWithAHomeroomTeacherWhoCanLogIn() {
        var year = directory.activeYear(directory.schools().get(0).id()).orElseThrow();
        List<SchoolClass> classes = directory.classes(year.id());
        assertThat(classes).extracting(SchoolClass::code).containsExactlyInAnyOrder("6A1", "6A2", "6A3", "7A1", "7A2", "8A1", "8A2",
                "9A1", "9A2");
        classes.forEach(c -> assertThat(registry.roster(c.id())).as("roster of %s", c.code()).hasSize(3));
        List<HomeroomAssignment> homerooms = directory.homeroomAssignments(year.id());
        assertThat(homerooms).extracting(h -> h.schoolClass().code()).hasSize(9).doesNotHaveDuplicates();
        assertThat(homerooms).extracting(h -> h.teacher().code()).doesNotHaveDuplicates().contains("GV26");
        assertThat(accounts.byUsername("gv26")).isPresent();
    }
}
