package vn.hocba.demo;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.audit.Actor;
import vn.hocba.schoolyear.AssignmentSetup;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.ColumnRange;
import vn.hocba.schoolyear.DepartmentId;
import vn.hocba.schoolyear.SchoolId;
import vn.hocba.schoolyear.SchoolSetup;
import vn.hocba.schoolyear.SchoolYearId;
import vn.hocba.schoolyear.StaffId;
import vn.hocba.schoolyear.SubjectId;
import vn.hocba.schoolyear.TermDates;
import vn.hocba.schoolyear.YearSetup;
import vn.hocba.security.Accounts;
import vn.hocba.security.Role;

/** Builds the whole demo school in one transaction: all of it, or nothing. */
@Service
class DemoSetup {

    static final int START_YEAR = 2025;
    /** The default demo school's classes ({@link DemoSize#defaults()}). */
    static final List<String> CLASSES = DemoSize.defaults().classCodes();

    private final SchoolSetup school;
    private final YearSetup years;
    private final AssignmentSetup assignments;
    private final Accounts accounts;
    private final DemoStudents students;
    private final DemoRecordIdentifiers recordIdentifiers;
    private final DemoSize size;

    DemoSetup(SchoolSetup school, YearSetup years, AssignmentSetup assignments, Accounts accounts,
            DemoStudents students, DemoRecordIdentifiers recordIdentifiers, DemoSize size) {
        this.size = size;
        this.school = school;
        this.years = years;
        this.assignments = assignments;
        this.accounts = accounts;
        this.students = students;
        this.recordIdentifiers = recordIdentifiers;
    }

    @Transactional
    public void create() {
        SchoolId schoolId = school.createSchool(DemoSchool.CODE, "Trường THCS Mẫu", "Thành phố Hà Nội", "THCS");
        school.setCommune(schoolId, DemoSchool.COMMUNE);
        List<String> codes = size.classCodes();
        List<String[]> homerooms = DemoStaff.homerooms(codes);
        Map<String, StaffId> staff = createStaff(schoolId, homerooms);
        Map<String, SubjectId> subjects = new HashMap<>();
        DemoCurriculum.SUBJECTS.forEach(s -> subjects.put(s.code(), school.createSubject(schoolId, s.code(), s.name(), s.assessment())));
        SchoolYearId year = years.createYear(schoolId, START_YEAR, List.of(
                new TermDates(1, LocalDate.of(2025, 9, 5), LocalDate.of(2026, 1, 17)),
                new TermDates(2, LocalDate.of(2026, 1, 19), LocalDate.of(2026, 5, 31))));
        for (int grade = 6; grade <= 9; grade++) {
            for (DemoCurriculum.DemoSubject s : DemoCurriculum.SUBJECTS) {
                years.addGradeSubject(year, grade, subjects.get(s.code()), s.periods(grade));
            }
        }
        Map<String, ClassId> classes = new HashMap<>();
        for (String code : codes) {
            classes.put(code, years.createClass(year, code, Integer.parseInt(code.substring(0, 1))));
        }
        assign(codes, homerooms, classes, staff, subjects);
        students.create(schoolId, classes, size);
        recordIdentifiers.create(schoolId, classes);
    }

    private Map<String, StaffId> createStaff(SchoolId schoolId, List<String[]> homerooms) {
        Map<String, DepartmentId> departments = new HashMap<>();
        DemoStaff.DEPARTMENTS.forEach(d -> departments.put(d[0], school.createDepartment(schoolId, d[0], d[1])));
        Map<String, StaffId> staff = new HashMap<>();
        for (DemoStaff.Person p : DemoStaff.people(homerooms)) {
            StaffId id = school.createStaff(schoolId, p.code(), p.fullName(), p.position(),
                    p.department() == null ? null : departments.get(p.department()), p.username() + "@thcsmau.edu.vn");
            staff.put(p.code(), id);
            accounts.create(p.username(), DemoStaff.PASSWORD, p.fullName(), id, rolesOf(p), Actor.system("demo"));
        }
        return staff;
    }

    private static Set<Role> rolesOf(DemoStaff.Person p) {
        return switch (p.code()) {
            case "HT01" -> EnumSet.of(Role.PRINCIPAL);
            case "PHT01" -> EnumSet.of(Role.VICE_PRINCIPAL);
            case "QT01" -> EnumSet.of(Role.ADMIN_BOARD);
            case "VT01" -> EnumSet.of(Role.CLERK);
            case "GV01", "GV13" -> EnumSet.of(Role.DEPARTMENT_HEAD);
            default -> EnumSet.noneOf(Role.class);
        };
    }

    /** Subject teachers rotate over the classes; co-teachers share integrated subjects by columns. */
    private void assign(List<String> codes, List<String[]> homerooms, Map<String, ClassId> classes,
            Map<String, StaffId> staff, Map<String, SubjectId> subjects) {
        Map<String, List<DemoStaff.Person>> bySubjectPart = new HashMap<>();
        for (DemoStaff.Person p : DemoStaff.PEOPLE) {
            p.subjects().forEach(s -> bySubjectPart.computeIfAbsent(s, k -> new java.util.ArrayList<>()).add(p));
        }
        for (int i = 0; i < codes.size(); i++) {
            ClassId schoolClass = classes.get(codes.get(i));
            for (Map.Entry<String, List<DemoStaff.Person>> part : bySubjectPart.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey()).toList()) {
                String[] codeAndColumns = part.getKey().split(":");
                DemoStaff.Person teacher = part.getValue().get(i % part.getValue().size());
                assignments.assignTeaching(schoolClass, subjects.get(codeAndColumns[0]), staff.get(teacher.code()),
                        columns(codeAndColumns));
            }
        }
        for (String[] homeroom : homerooms) {
            ClassId schoolClass = classes.get(homeroom[0]);
            assignments.assignHomeroom(schoolClass, staff.get(homeroom[1]));
            assignments.assignTeaching(schoolClass, subjects.get("HDTN_HN"), staff.get(homeroom[1]), new ColumnRange(1, 1));
        }
    }

    private static ColumnRange columns(String[] codeAndColumns) {
        if (codeAndColumns.length == 1) {
            return ColumnRange.WHOLE;
        }
        String[] range = codeAndColumns[1].split("-");
        return new ColumnRange(Integer.parseInt(range[0]), Integer.parseInt(range[1]));
    }
}
