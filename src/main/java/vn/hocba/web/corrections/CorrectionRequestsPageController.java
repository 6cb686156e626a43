package vn.hocba.web.corrections;

import java.time.ZoneId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hocba.common.Rejected;
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

    CorrectionRequestsPageController(AccessPolicy access, Corrections corrections, CorrectionWorkflow workflow,
            SchoolDirectory directory, StudentRegistry students, MarkGrids grids) {
        this.access = access;
        this.corrections = corrections;
        this.workflow = workflow;
        this.directory = directory;
        this.students = students;
        this.grids = grids;
    }

    /** A request as the list shows it. */
    record Line(long id, String classCode, String subject, int term, String student, String column, String oldValue,
            String newValue, String status, String statusCode, CorrectionRequest request) {
    }

    @GetMapping("/de-nghi-sua-diem")
    String list(Model model) {
        Viewer viewer = access.current();
        model.addAttribute("viewer", viewer);
        model.addAttribute("zone", ZoneId.of("Asia/Ho_Chi_Minh"));
        model.addAttribute("lines", corrections.requestedBy(viewer.account().username()).stream().map(this::line).toList());
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
        Viewer viewer = access.requireTeaching(new ClassId(lop), new SubjectId(mon));
        String[] column = cot.split("-");
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

    private Line line(CorrectionRequest r) {
        SchoolClass schoolClass = directory.schoolClass(new ClassId(r.classId()));
        String subject = directory.gradeSubjects(schoolClass.yearId(), schoolClass.grade()).stream()
                .filter(g -> g.subject().id().value() == r.subjectId()).map(g -> g.subject().name()).findFirst().orElse("");
        String column = switch (r.kind()) {
            case REGULAR -> "TX" + r.column();
            case MIDTERM -> "giữa kì";
            case FINAL -> "cuối kì";
        };
        return new Line(r.id(), schoolClass.code(), subject, r.term(), students.student(new StudentId(r.studentId())).profile()
                .fullName(), column, MarkGrid.shown(r.oldValue()), MarkGrid.shown(r.newValue()), status(r), r.status().name(), r);
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
