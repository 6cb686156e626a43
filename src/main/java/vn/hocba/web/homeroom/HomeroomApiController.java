package vn.hocba.web.homeroom;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.hocba.gradebook.homeroom.MonthConfirmation;
import vn.hocba.gradebook.homeroom.AttendanceMonths;
import vn.hocba.gradebook.homeroom.HomeroomRecords;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;

/** Điểm danh và rèn luyện: written by the class's homeroom teacher, read by whoever may read the class. */
@RestController
@RequestMapping("/api/classes/{classId}")
@Tag(name = "Chủ nhiệm", description = "Điểm danh (P/K), xác nhận điểm danh từng tháng, kết quả rèn luyện từng học kì")
class HomeroomApiController {

    private final AccessPolicy access;
    private final SchoolDirectory directory;
    private final HomeroomRecords records;
    private final AttendanceMonths months;

    HomeroomApiController(AccessPolicy access, SchoolDirectory directory, HomeroomRecords records, AttendanceMonths months) {
        this.access = access;
        this.directory = directory;
        this.records = records;
        this.months = months;
    }

    record Absence(long studentId, LocalDate date, String kind) {
    }

    record Conduct(long studentId, int term, String level, String comment) {
    }

    @PutMapping("/absences")
    @Operation(summary = "Ghi (hoặc xoá, kind = null) một ngày nghỉ: P có phép, K không phép")
    void absence(@PathVariable long classId, @RequestBody Absence body) {
        Viewer viewer = access.requireHomeroom(new ClassId(classId));
        records.absence(directory.schoolClass(new ClassId(classId)), body.studentId(), body.date(), body.kind(),
                access.actor(viewer, Role.HOMEROOM_TEACHER));
    }

    @GetMapping("/absences")
    @Operation(summary = "Tổng số ngày nghỉ P/K của từng học sinh trong một tháng (month=2025-10)")
    List<HomeroomRecords.MonthlyAbsences> monthly(@PathVariable long classId, @RequestParam YearMonth month) {
        access.requireReadWholeClass(new ClassId(classId), "số ngày nghỉ của học sinh");
        return records.monthly(directory.schoolClass(new ClassId(classId)), month);
    }

    @PutMapping("/attendance-months/{month}")
    @Operation(summary = "Xác nhận điểm danh cả tháng (month=2025-10), hạn chót ngày 3 tháng sau; xác nhận lại không đổi gì")
    MonthConfirmation confirmMonth(@PathVariable long classId, @PathVariable YearMonth month) {
        Viewer viewer = access.requireHomeroom(new ClassId(classId));
        return months.confirm(directory.schoolClass(new ClassId(classId)), month, access.actor(viewer, Role.HOMEROOM_TEACHER));
    }

    @GetMapping("/attendance-months")
    @Operation(summary = "Các tháng của học kì (term=1, 2; 0 = cả năm) và việc xác nhận điểm danh từng tháng")
    List<MonthConfirmation> attendanceMonths(@PathVariable long classId, @RequestParam int term) {
        access.requireReadClass(new ClassId(classId));
        return months.months(directory.schoolClass(new ClassId(classId)), term);
    }

    @PutMapping("/conduct")
    @Operation(summary = "Kết quả rèn luyện học kì (T, K, Đ, CĐ) và nhận xét; học kì 3 = đánh giá lại sau rèn luyện hè")
    void conduct(@PathVariable long classId, @RequestBody Conduct body) {
        Viewer viewer = access.requireHomeroom(new ClassId(classId));
        records.conduct(directory.schoolClass(new ClassId(classId)), body.studentId(), body.term(), body.level(),
                body.comment(), access.actor(viewer, Role.HOMEROOM_TEACHER));
    }
}
