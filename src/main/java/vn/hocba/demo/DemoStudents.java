package vn.hocba.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolId;
import vn.hocba.students.Sex;
import vn.hocba.students.StudentId;
import vn.hocba.students.StudentProfile;
import vn.hocba.students.StudentRegistry;

/** About 35 students per demo class (or as {@link DemoSize} says) with complete profiles, then their gradebook entries. */
@Service
class DemoStudents {

    private static final List<String> WARDS = List.of("Phường Cầu Giấy", "Phường Nghĩa Đô", "Phường Yên Hoà",
            "Phường Dịch Vọng", "Xã Đông Anh", "Phường Láng", "Phường Ô Chợ Dừa", "Xã Thanh Trì");

    private final StudentRegistry registry;
    private final DemoGradebook gradebook;

    DemoStudents(StudentRegistry registry, DemoGradebook gradebook) {
        this.registry = registry;
        this.gradebook = gradebook;
    }

    void create(SchoolId school, Map<String, ClassId> classes, DemoSize demoSize) {
        DemoNames names = new DemoNames(20250905L);
        int serial = 0;
        List<String> codes = demoSize.classCodes();
        for (int c = 0; c < codes.size(); c++) {
            String code = codes.get(c);
            int grade = Integer.parseInt(code.substring(0, 1));
            int size = demoSize.students(c);
            for (int i = 0; i < size; i++) {
                serial++;
                StudentId id = registry.register(school, profile(names, serial, grade));
                registry.enrol(id, classes.get(code));
            }
        }
        gradebook.fill(codes, classes);
    }

    private static StudentProfile profile(DemoNames names, int serial, int grade) {
        Sex sex = names.sex();
        String fullName = names.fullName(sex);
        String family = fullName.substring(0, fullName.indexOf(' '));
        int birthYear = DemoSetup.START_YEAR - grade - 5;
        LocalDate birth = LocalDate.of(birthYear, 1 + names.nextInt(12), 1 + names.nextInt(28));
        // Mã định danh cá nhân: province 001 (Hà Nội), century/sex digit (2 male, 3 female for 2000s), year, serial.
        String nationalId = String.format("001%d%02d%06d", sex == Sex.NAM ? 2 : 3, birthYear % 100, 100000 + serial);
        String ward = WARDS.get(names.nextInt(WARDS.size()));
        return new StudentProfile(String.format("HS%05d", serial), nationalId, fullName, sex, birth,
                ward + ", Thành phố Hà Nội", names.nextInt(20) == 0 ? "Mường" : "Kinh",
                names.nextInt(25) == 0 ? "Con hộ nghèo" : null,
                "Số " + (1 + names.nextInt(200)) + ", " + ward + ", Thành phố Hà Nội",
                new StudentProfile.Parent(names.parentName(family, Sex.NAM), names.occupation()),
                new StudentProfile.Parent(names.fullName(Sex.NU), names.occupation()), null);
    }
}
