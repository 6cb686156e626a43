package vn.hocba.web.setup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.hocba.common.Rejected;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.GradeSubject;
import vn.hocba.schoolyear.HomeroomAssignment;
import vn.hocba.schoolyear.School;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.AcademicYear;
import vn.hocba.schoolyear.SchoolYearId;
import vn.hocba.schoolyear.Staff;
import vn.hocba.schoolyear.TeachingAssignment;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;
import vn.hocba.students.EnrolledStudent;
import vn.hocba.students.Student;
import vn.hocba.students.StudentProfile;
import vn.hocba.students.StudentRegistry;
import vn.hocba.web.SchoolContext;
/** Read access to the school, classes and rosters, filtered by the viewer's rights. */
@RestController
@RequestMapping("/api")
@Tag(name = "Trường, lớp, học sinh", description = "Đọc dữ liệu năm học theo quyền của người dùng")
class SchoolApiController {

    private final AccessPolicy access;
    private final SchoolContext context;
    private final SchoolDirectory directory;
    private final StudentRegistry students;

    SchoolApiController(AccessPolicy access, SchoolContext context, SchoolDirectory directory, StudentRegistry students) {
        this.access = access;
        this.context = context;
        this.directory = directory;
        this.students = students;
    }

    record Me(String username, String displayName, Set<Role> roles, List<HomeroomAssignment> homerooms,
            List<TeachingAssignment> teaching) {
    }

    record SchoolView(School school, AcademicYear activeYear) {
    }

    record ClassView(SchoolClass schoolClass, Staff homeroomTeacher, List<TeachingAssignment> teaching) {
    }

    @GetMapping("/me")
    @Operation(summary = "Tài khoản đang đăng nhập: vai trò và phân công năm học hiện tại")
    Me me() {
        Viewer v = access.current();
        return new Me(v.account().username(), v.account().displayName(), v.roles(), v.homerooms(), v.teaching());
    }

    @GetMapping("/school")
    @Operation(summary = "Trường và năm học đang hoạt động")
    SchoolView school() {
        Viewer v = access.current();
        return new SchoolView(context.school(v), context.activeYear(v));
    }

    @GetMapping("/classes")
    @Operation(summary = "Các lớp của năm học hiện tại mà người dùng được xem")
    List<SchoolClass> classes() {
        Viewer v = access.current();
        return directory.classes(context.activeYear(v).id()).stream().filter(c -> v.canReadClass(c.id())).toList();
    }

    @GetMapping("/classes/{classId}")
    @Operation(summary = "Một lớp: giáo viên chủ nhiệm và phân công giảng dạy")
    ClassView schoolClass(@PathVariable long classId) {
        ClassId id = new ClassId(classId);
        access.requireReadClass(id);
        return new ClassView(directory.schoolClass(id),
                directory.homeroomOf(id).map(HomeroomAssignment::teacher).orElse(null),
                directory.teachingAssignmentsOfClass(id));
    }

    @GetMapping("/classes/{classId}/students")
    @Operation(summary = "Danh sách học sinh của lớp")
    List<EnrolledStudent> roster(@PathVariable long classId) {
        ClassId id = new ClassId(classId);
        Viewer viewer = access.requireReadClass(id);
        if (viewer.seesWholeClass(id)) {
            return students.roster(id);
        }
        // a subject teacher: names, codes and dates of birth only (issue 13, item 17)
        return students.roster(id).stream().map(e -> new EnrolledStudent(e.numberInClass(), new Student(e.student().id(),
                identification(e.student().profile())))).toList();
    }

    @GetMapping("/staff")
    @Operation(summary = "Danh sách cán bộ, giáo viên (lãnh đạo, Ban quản trị, tổ trưởng, văn thư)")
    List<Staff> staff() {
        Viewer v = access.current();
        if (!v.seesWholeSchool()) {
            throw Rejected.forbidden("Chỉ lãnh đạo nhà trường, Ban quản trị, tổ trưởng và văn thư xem được danh sách cán bộ.");
        }
        return directory.staff(context.school(v).id());
    }

    @GetMapping("/years/{yearId}/subjects")
    @Operation(summary = "Các môn học của một khối trong năm học, với số tiết/năm")
    List<GradeSubject> subjects(@PathVariable long yearId, @RequestParam int grade) {
        access.current();
        return directory.gradeSubjects(new SchoolYearId(yearId), grade);
    }

    /** What identifies a student to a subject teacher: code, name, date of birth; no national id, address or parents. */
    private static StudentProfile identification(StudentProfile p) {
        return new StudentProfile(p.code(), null, p.fullName(), null, p.dateOfBirth(), null, null, null, null, null, null,
                null);
    }
}
