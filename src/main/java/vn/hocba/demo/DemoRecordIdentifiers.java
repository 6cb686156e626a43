package vn.hocba.demo;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import vn.hocba.audit.Actor;
import vn.hocba.hocbaso.StudentIdentifiers;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolId;
import vn.hocba.students.EnrolledStudent;
import vn.hocba.students.StudentRegistry;

/**
 * The học bạ số identifiers of the demo school (made up, never a real school's): the school's code
 * in the sector database, every student's sector code and register number (số sổ đăng bộ, numbered
 * per year of entry into grade 6). Grade 6 students entered this year and have temporary codes until
 * the sector database assigns theirs.
 */
@Service
class DemoRecordIdentifiers {

    static final String SCHOOL_CODE = "01001902";

    private final StudentIdentifiers identifiers;
    private final StudentRegistry registry;

    DemoRecordIdentifiers(StudentIdentifiers identifiers, StudentRegistry registry) {
        this.identifiers = identifiers;
        this.registry = registry;
    }

    void create(SchoolId school, Map<String, ClassId> classes) {
        Actor demo = Actor.system("demo");
        identifiers.setSchoolCode(school, SCHOOL_CODE, demo);
        Map<Integer, Integer> registerCount = new TreeMap<>();
        for (String code : new TreeMap<>(classes).keySet()) {
            int grade = Integer.parseInt(code.substring(0, 1));
            int entered = DemoSetup.START_YEAR - (grade - 6);
            for (EnrolledStudent e : registry.roster(classes.get(code))) {
                int number = registerCount.merge(entered, 1, Integer::sum);
                long id = e.student().id().value();
                boolean temporary = grade == 6;
                String moetCode = temporary ? String.format("TAM%07d", id) : String.format("01%08d", 19020000 + id);
                identifiers.setStudent(e.student().id(), moetCode, temporary, number + "/" + entered, demo);
            }
        }
    }
}
