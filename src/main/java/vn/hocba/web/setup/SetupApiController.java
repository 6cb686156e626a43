package vn.hocba.web.setup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.hocba.common.Rejected;
import vn.hocba.schoolyear.AssignmentSetup;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.ColumnRange;
import vn.hocba.schoolyear.DepartmentId;
import vn.hocba.schoolyear.SchoolSetup;
import vn.hocba.schoolyear.SchoolYearId;
import vn.hocba.schoolyear.StaffId;
import vn.hocba.schoolyear.SubjectId;
import vn.hocba.schoolyear.TermDates;
import vn.hocba.schoolyear.YearRollover;
import vn.hocba.schoolyear.YearSetup;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Viewer;
import vn.hocba.students.StudentId;
import vn.hocba.students.StudentProfile;
import vn.hocba.students.StudentRegistry;
import vn.hocba.web.setup.SetupRequests.Created;
import vn.hocba.web.SchoolContext;
/** The admin board's setup of the school year. Every write here needs the ADMIN_BOARD role. */
@RestController
@RequestMapping("/api/setup")
@Tag(name = "Thiết lập năm học", description = "Ban quản trị: tổ, cán bộ, môn học, năm học, lớp, phân công, học sinh")
class SetupApiController {

    private final AccessPolicy access;
    private final SchoolContext context;
    private final SchoolSetup school;
    private final YearSetup years;
    private final AssignmentSetup assignments;
    private final YearRollover rollover;
    private final StudentRegistry students;

    SetupApiController(AccessPolicy access, SchoolContext context, SchoolSetup school, YearSetup years,
            AssignmentSetup assignments, YearRollover rollover, StudentRegistry students) {
        this.access = access;
        this.context = context;
        this.school = school;
        this.years = years;
        this.assignments = assignments;
        this.rollover = rollover;
        this.students = students;
    }

    @PostMapping("/departments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Tạo tổ chuyên môn")
    Created department(@RequestBody SetupRequests.NewDepartment body) {
        Viewer viewer = access.requireSetup();
        return new Created(school.createDepartment(context.school(viewer).id(), body.code(), body.name()).value());
    }

    @PostMapping("/staff")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Tạo cán bộ, giáo viên")
    Created staff(@RequestBody SetupRequests.NewStaff body) {
        Viewer viewer = access.requireSetup();
        DepartmentId department = body.departmentId() == null ? null : new DepartmentId(body.departmentId());
        return new Created(school.createStaff(context.school(viewer).id(), body.code(), body.fullName(),
                body.position(), department, body.email()).value());
    }

    @PostMapping("/subjects")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Tạo môn học (SCORE: đánh giá bằng điểm số; COMMENT: bằng nhận xét)")
    Created subject(@RequestBody SetupRequests.NewSubject body) {
        Viewer viewer = access.requireSetup();
        return new Created(school.createSubject(context.school(viewer).id(), body.code(), body.name(),
                body.assessment()).value());
    }

    @PostMapping("/years")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Tạo năm học với hai học kì")
    Created year(@RequestBody SetupRequests.NewYear body) {
        Viewer viewer = access.requireSetup();
        return new Created(years.createYear(context.school(viewer).id(), body.startYear(), terms(body.terms())).value());
    }

    @PostMapping("/years/{yearId}/grade-subjects")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Đưa một môn vào chương trình của một khối, với số tiết/năm")
    void gradeSubject(@PathVariable long yearId, @RequestBody SetupRequests.NewGradeSubject body) {
        access.requireSetup();
        years.addGradeSubject(new SchoolYearId(yearId), body.grade(), new SubjectId(body.subjectId()), body.periodsPerYear());
    }

    @PostMapping("/years/{yearId}/classes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Tạo lớp")
    Created schoolClass(@PathVariable long yearId, @RequestBody SetupRequests.NewClass body) {
        access.requireSetup();
        return new Created(years.createClass(new SchoolYearId(yearId), body.code(), body.grade()).value());
    }

    @PutMapping("/classes/{classId}/homeroom")
    @Operation(summary = "Phân công giáo viên chủ nhiệm")
    void homeroom(@PathVariable long classId, @RequestBody SetupRequests.Homeroom body) {
        access.requireSetup();
        assignments.assignHomeroom(new ClassId(classId), new StaffId(body.staffId()));
    }

    @PostMapping("/classes/{classId}/teaching")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Phân công giảng dạy (có thể chỉ một khoảng cột điểm thường xuyên cho môn tích hợp)")
    Created teaching(@PathVariable long classId, @RequestBody SetupRequests.NewTeaching body) {
        access.requireSetup();
        return new Created(assignments.assignTeaching(new ClassId(classId), new SubjectId(body.subjectId()),
                new StaffId(body.staffId()), new ColumnRange(body.firstColumn(), body.lastColumn())));
    }

    @PostMapping("/students")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Thêm học sinh với sơ yếu lí lịch")
    Created student(@RequestBody StudentProfile body) {
        Viewer viewer = access.requireSetup();
        return new Created(students.register(context.school(viewer).id(), body).value());
    }

    @PostMapping("/classes/{classId}/enrolments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Xếp học sinh vào lớp")
    void enrol(@PathVariable long classId, @RequestBody SetupRequests.NewEnrolment body) {
        access.requireSetup();
        students.enrol(new StudentId(body.studentId()), new ClassId(classId));
    }

    @PostMapping("/years/{yearId}/rollover")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Tạo năm học tiếp theo: lớp lên khối, có thể chép phân công")
    Created rollover(@PathVariable long yearId, @RequestBody SetupRequests.Rollover body) {
        access.requireSetup();
        return new Created(rollover.rollOver(new SchoolYearId(yearId), terms(body.terms()), body.copyAssignments()).value());
    }

    private static List<TermDates> terms(List<SetupRequests.TermDates> dates) {
        if (dates == null) {
            throw Rejected.invalid("Thiếu ngày bắt đầu, kết thúc của hai học kì (terms).");
        }
        return dates.stream().map(t -> new TermDates(t.number(), t.startsOn(), t.endsOn())).toList();
    }
}
