package vn.hocba.web.setup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.hocba.gradebook.AssessmentCalendar;
import vn.hocba.gradebook.MarkKind;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;
import vn.hocba.web.SchoolContext;
/** Ngày kiểm tra giữa kì / cuối kì của năm học hiện tại: everyone reads them, the principal records, moves and removes them. */
@RestController
@Tag(name = "Lịch kiểm tra định kì")
class AssessmentDatesApiController {

    private final AccessPolicy access;
    private final SchoolContext context;
    private final AssessmentCalendar calendar;

    AssessmentDatesApiController(AccessPolicy access, SchoolContext context, AssessmentCalendar calendar) {
        this.access = access;
        this.context = context;
        this.calendar = calendar;
    }

    record NewDate(LocalDate date) {
    }

    @GetMapping("/api/assessment-dates")
    @Operation(summary = "Ngày kiểm tra giữa kì và cuối kì đã ghi của năm học hiện tại")
    List<AssessmentCalendar.TestDate> list() {
        return calendar.of(context.activeYear(access.current()).id().value());
    }

    @PutMapping("/api/assessment-dates/{term}/{kind}")
    @Operation(summary = "Hiệu trưởng ghi (hoặc dời) ngày kiểm tra giữa kì (MIDTERM) hoặc cuối kì (FINAL) của một học kì")
    AssessmentCalendar.TestDate set(@PathVariable int term, @PathVariable MarkKind kind, @RequestBody NewDate body) {
        Viewer viewer = access.requirePrincipal("được ghi ngày kiểm tra định kì");
        return calendar.set(context.activeYear(viewer), term, kind, body.date(), access.actor(viewer, Role.PRINCIPAL));
    }

    @DeleteMapping("/api/assessment-dates/{term}/{kind}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Hiệu trưởng xoá ngày kiểm tra đã ghi (409 khi sổ điểm của học kì đó đã khoá: khi đó chỉ dời ngày)")
    void remove(@PathVariable int term, @PathVariable MarkKind kind) {
        Viewer viewer = access.requirePrincipal("được xoá ngày kiểm tra định kì");
        calendar.remove(context.activeYear(viewer), term, kind, access.actor(viewer, Role.PRINCIPAL));
    }
}
