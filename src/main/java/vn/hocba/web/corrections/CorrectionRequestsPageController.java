package vn.hocba.web.corrections;

import java.time.ZoneId;
import java.util.Arrays;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hocba.common.Rejected;
import vn.hocba.common.TermName;
import vn.hocba.gradebook.MarkGrid;
import vn.hocba.gradebook.MarkGrids;
import vn.hocba.gradebook.MarkKind;
import vn.hocba.gradebook.corrections.CorrectionRequest;
import vn.hocba.gradebook.corrections.Corrections;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.SubjectId;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;
import vn.hocba.students.StudentId;
import vn.hocba.students.StudentRegistry;
import vn.hocba.web.PersonNames;
import vn.hocba.workflow.CorrectionWorkflow;

/**
 * "Đề nghị sửa điểm": a subject teacher's requests to change a locked mark and where each stands,
 * and the form opened from the grid of a locked sheet. Filing goes through the same workflow step
 * as {@code POST /api/corrections} (same checks, audit and process).
 */
@Controller
class CorrectionRequestsPageController {

    private final AccessPolicy access;
    private final Corrections corrections;
    private final CorrectionWorkflow workflow;
    private final SchoolDirectory directory;
    private final StudentRegistry students;
    private final MarkGrids grids;
    private final PersonNames people;

    CorrectionRequestsPageController(AccessPolicy access, Corrections corrections, CorrectionWorkflow workflow,
            SchoolDirectory directory, StudentRegistry students, MarkGrids grids, PersonNames people) {
        this.access = access;
        this.corrections = corrections;
        this.workflow = workflow;
        this.directory = directory;
        this.students = students;
        this.grids = grids;
        this.people = people;
    }

    /** A request as the list shows it; {@code requester} as pages name people ("Đỗ Thị Hạnh (gv04)"). */
    record Line(long id, String classCode, String subject, String term, String student, String column, String oldValue,
            String newValue, String status, String statusCode, String requester, CorrectionRequest request) {
    }

    @GetMapping("/de-nghi-sua-diem")
    String list(Model model) {
        Viewer viewer = access.current();
        model.addAttribute("viewer", viewer);
        model.addAttribute("zone", ZoneId.of("Asia/Ho_Chi_Minh"));
        model.addAttribute("crumbs", java.util.List.of(vn.hocba.web.Crumb.here("Đề nghị sửa điểm")));
        model.addAttribute("lines", corrections.requestedBy(viewer.account().username()).stream().map(this::line).toList());
        // The homeroom teacher's step (task «GVCN xác nhận đề nghị sửa điểm» links here).
        model.addAttribute("toConfirm", viewer.homerooms().stream()
                .flatMap(h -> corrections.ofClass(h.schoolClass().id().value()).stream())
                .filter(r -> r.status() == CorrectionRequest.Status.REQUESTED).map(this::line).toList());
        return "marks/corrections";
    }

    @GetMapping("/de-nghi-sua-diem/moi")
    String form(@RequestParam long lop, @RequestParam long mon, @RequestParam int hk,
            @RequestParam(required = false) Long hs, @RequestParam(required = false) MarkKind loai,
            @RequestParam(required = false) Integer cot, Model model) {
        Viewer viewer = access.requireTeaching(new ClassId(lop), new SubjectId(mon));
        MarkGrid grid = grids.grid(directory.schoolClass(new ClassId(lop)), new SubjectId(mon), hk,
                viewer.columns(new ClassId(lop), new SubjectId(mon)));
        model.addAttribute("viewer", viewer);
        model.addAttribute("grid", grid);
        model.addAttribute("crumbs", java.util.List.of(vn.hocba.web.Crumb.link("Đề nghị sửa điểm", "/de-nghi-sua-diem"), vn.hocba.web.Crumb.here("Đề nghị mới: " + grid.subjectName() + " lớp " + grid.classCode())));
        model.addAttribute("student", hs);
        String column = loai == null ? null : loai + "-" + (cot == null ? 1 : cot);
        model.addAttribute("column", column);
        model.addAttribute("current", grid.rows().stream().filter(r -> hs != null && r.studentId() == hs && column != null)
                .map(r -> r.cells().get(column)).map(c -> c == null || c.shown().isEmpty() ? "(trống)" : c.shown())
                .findFirst().orElse(null));
        return "marks/correction-form";
    }

    @PostMapping("/de-nghi-sua-diem")
    String file(@RequestParam long lop, @RequestParam long mon, @RequestParam int hk, @RequestParam long hs,
            @RequestParam String cot, @RequestParam String diemMoi, @RequestParam String liDo,
            @RequestParam(required = false) String minhChung, Model model, RedirectAttributes redirect) {
        String[] column = cot.split("-");
        if (column.length != 2 || !column[1].matches("[0-9]{1,2}") || Arrays.stream(MarkKind.values())
                .noneMatch(k -> k.name().equals(column[0]))) {
            throw Rejected.invalid("Cột điểm \"" + cot + "\" không có: chọn cột trong danh sách của mẫu đề nghị.");
        }
        Viewer viewer = MarkKind.valueOf(column[0]) == MarkKind.REGULAR
                ? access.requireTeachingColumn(new ClassId(lop), new SubjectId(mon), Integer.parseInt(column[1]))
                : access.requireTeaching(new ClassId(lop), new SubjectId(mon));
        try {
            Corrections.Filed filed = workflow.request(new Corrections.Request(lop, mon, hs, hk, MarkKind.valueOf(column[0]),
                    Integer.parseInt(column[1]), diemMoi, liDo, minhChung == null || minhChung.isBlank() ? null : minhChung.trim(),
                    null), access.actor(viewer, Role.SUBJECT_TEACHER));
            redirect.addFlashAttribute("info", "Đã gửi đề nghị sửa điểm số " + filed.request().id()
                    + "; giáo viên chủ nhiệm sẽ xác nhận rồi Hiệu trưởng duyệt.");
            if (filed.missedDeadline() != null) {
                redirect.addFlashAttribute("warning", "Đề nghị gửi sau hạn sửa điểm " + filed.missedDeadline()
                        + " (quy định của trường): Hiệu trưởng chỉ duyệt được khi ghi lí do cho phép sửa quá hạn.");
            }
            return "redirect:/de-nghi-sua-diem";
        } catch (Rejected e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("newValue", diemMoi);
            model.addAttribute("reason", liDo);
            model.addAttribute("evidence", minhChung);
            return form(lop, mon, hk, hs, MarkKind.valueOf(column[0]), Integer.parseInt(column[1]), model);
        }
    }

    @PostMapping("/de-nghi-sua-diem/{id}/xac-nhan")
    String confirm(@org.springframework.web.bind.annotation.PathVariable long id, RedirectAttributes redirect) {
        Viewer viewer = homeroomOf(id);
        try {
            workflow.confirm(id, access.actor(viewer, Role.HOMEROOM_TEACHER));
            redirect.addFlashAttribute("info", "Đã xác nhận đề nghị sửa điểm số " + id + "; đề nghị chuyển tới Hiệu trưởng.");
        } catch (Rejected e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/de-nghi-sua-diem";
    }

    @PostMapping("/de-nghi-sua-diem/{id}/tra-lai")
    String returnToTeacher(@org.springframework.web.bind.annotation.PathVariable long id, @RequestParam String liDo,
            RedirectAttributes redirect) {
        Viewer viewer = homeroomOf(id);
        try {
            workflow.returnToTeacher(id, liDo, access.actor(viewer, Role.HOMEROOM_TEACHER));
            redirect.addFlashAttribute("info", "Đã trả lại đề nghị sửa điểm số " + id + " cho giáo viên bộ môn.");
        } catch (Rejected e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/de-nghi-sua-diem";
    }

    /** As {@code POST /api/corrections/{id}/confirm}: only the homeroom teacher of the request's class. */
    private Viewer homeroomOf(long id) {
        Viewer viewer = access.current();
        if (!viewer.isHomeroomTeacherOf(new ClassId(corrections.find(id).classId()))) {
            throw Rejected.forbidden("Chỉ giáo viên chủ nhiệm của lớp xác nhận hoặc trả lại đề nghị sửa điểm này.");
        }
        return viewer;
    }

    private Line line(CorrectionRequest r) {
        SchoolClass schoolClass = directory.schoolClass(new ClassId(r.classId()));
        String subject = directory.gradeSubjects(schoolClass.yearId(), schoolClass.grade()).stream()
                .filter(g -> g.subject().id().value() == r.subjectId()).map(g -> g.subject().name()).findFirst().orElse("");
        String column = switch (r.kind()) {
            case REGULAR -> "TX" + r.column();
            case MIDTERM -> "giữa kì";
            case FINAL -> "cuối kì";
        };
        return new Line(r.id(), schoolClass.code(), subject, "HK " + TermName.roman(r.term()),
                students.student(new StudentId(r.studentId())).profile().fullName(), column, MarkGrid.shown(r.oldValue()),
                MarkGrid.shown(r.newValue()), status(r), r.status().name(), people.of(r.requestedBy()), r);
    }

    static String status(CorrectionRequest r) {
        return switch (r.status()) {
            case REQUESTED -> "Chờ GVCN xác nhận";
            case CONFIRMED -> "Chờ Hiệu trưởng duyệt";
            case RETURNED -> "GVCN trả lại" + reason(r.decisionReason());
            case APPROVED -> "Đã duyệt, đang sửa điểm";
            case APPLIED -> "Đã duyệt, điểm đã được sửa";
            case REJECTED -> "Bị từ chối" + reason(r.decisionReason());
        };
    }

    private static String reason(String reason) {
        return reason == null || reason.isBlank() ? "" : ": " + reason;
    }
}
