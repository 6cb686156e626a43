package vn.hocba.web.marks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.YearMonth;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.hocba.gradebook.EntryProgress;
import vn.hocba.gradebook.closing.Readiness;
import vn.hocba.grading.MissingEntry;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Viewer;
import vn.hocba.web.SchoolContext;
import java.util.stream.Collectors;

/** What is still missing in a class, and how far each teacher's mark entry has come. */
@RestController
@Tag(name = "Tiến độ nhập điểm")
class ProgressApiController {

    private final AccessPolicy access;
    private final SchoolContext context;
    private final SchoolDirectory directory;
    private final Readiness readiness;
    private final EntryProgress progress;

    ProgressApiController(AccessPolicy access, SchoolContext context, SchoolDirectory directory, Readiness readiness,
            EntryProgress progress) {
        this.access = access;
        this.context = context;
        this.directory = directory;
        this.readiness = readiness;
        this.progress = progress;
    }

    @GetMapping("/api/classes/{classId}/readiness")
    @Operation(summary = "Những gì lớp còn thiếu trong học kì (điểm từng môn, từng cột; xếp loại rèn luyện)")
    List<MissingEntry> readiness(@PathVariable long classId, @RequestParam int term) {
        ClassId id = new ClassId(classId);
        Viewer viewer = access.requireReadClass(id);
        List<MissingEntry> missing = readiness.missing(directory.schoolClass(id), term);
        if (viewer.seesWholeClass(id)) {
            return missing;
        }
        // a subject teacher: what is missing in their own subjects only
        java.util.Set<String> own = viewer.teaching().stream().filter(t -> t.schoolClass().id().equals(id))
                .map(t -> t.subject().code()).collect(Collectors.toSet());
        return missing.stream().filter(m -> m.subject() != null && own.contains(m.subject().value())).toList();
    }

    @GetMapping("/api/classes/{classId}/readiness/attendance-months")
    @Operation(summary = "Các tháng của học kì mà giáo viên chủ nhiệm chưa xác nhận điểm danh")
    List<YearMonth> unconfirmedMonths(@PathVariable long classId, @RequestParam int term) {
        access.requireReadClass(new ClassId(classId));
        return readiness.unconfirmedAttendanceMonths(directory.schoolClass(new ClassId(classId)), term);
    }

    @GetMapping("/api/progress")
    @Operation(summary = "Tiến độ nhập điểm theo giáo viên: lãnh đạo, Ban quản trị, tổ trưởng xem cả trường; giáo viên xem của mình")
    List<EntryProgress.Line> progress(@RequestParam int term) {
        Viewer viewer = access.current();
        List<EntryProgress.Line> lines = progress.of(context.activeYear(viewer).id(), term);
        if (viewer.seesWholeSchool()) {
            return lines;
        }
        String own = viewer.account().staffId() == null ? "" : directory.staffMember(viewer.account().staffId()).code();
        return lines.stream().filter(l -> l.teacherCode().equals(own)).toList();
    }
}
