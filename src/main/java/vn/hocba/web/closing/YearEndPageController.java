package vn.hocba.web.closing;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hocba.audit.Actor;
import vn.hocba.common.Rejected;
import vn.hocba.common.TermName;
import vn.hocba.gradebook.ClassResultsStore;
import vn.hocba.gradebook.MarkGrid;
import vn.hocba.gradebook.closing.YearEnd;
import vn.hocba.gradebook.corrections.CorrectionRequest;
import vn.hocba.gradebook.corrections.Corrections;
import vn.hocba.grading.Explanation;
import vn.hocba.grading.Promotion;
import vn.hocba.grading.StudentResults;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.security.Accounts;
import vn.hocba.students.StudentRegistry;
import vn.hocba.web.PersonNames;
import vn.hocba.web.homeroom.ClassPage;
import vn.hocba.workflow.CorrectionWorkflow;
import vn.hocba.workflow.ProcessSteps;
import vn.hocba.workflow.YearEndModel;
import vn.hocba.workflow.YearEndWorkflow;

/**
 * Cuối năm (GVCN): the lists the TT22 engine computed (promotion, retest, summer training, retained,
 * titles) with the engine's explanation of each decision; the proposal and the summer-results step of
 * {@link YearEndWorkflow}; the correction requests of the class to confirm or return ({@link CorrectionWorkflow}).
 */
@Controller
class YearEndPageController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    /** A student in a list, with how the engine decided. */
    record Decision(String code, String name, String explanation, String title) {
    }

    /** A correction request as the homeroom teacher reads it: marks as "8,5", the requester as "Đỗ Thị Hạnh (gv04)". */
    record Correction(long id, String student, String subject, String where, String oldValue, String newValue, String reason,
            String requestedBy, String requestedAt, String status, boolean waiting) {
    }

    private final ClassPage page;
    private final ClassResultsStore results;
    private final YearEnd yearEnd;
    private final YearEndWorkflow workflow;
    private final ProcessSteps steps;
    private final Corrections corrections;
    private final CorrectionWorkflow correctionWorkflow;
    private final SchoolDirectory directory;
    private final StudentRegistry students;
    private final Accounts accounts;
    private final PersonNames people;

    YearEndPageController(ClassPage page, ClassResultsStore results, YearEnd yearEnd, YearEndWorkflow workflow, ProcessSteps steps,
            Corrections corrections, CorrectionWorkflow correctionWorkflow, SchoolDirectory directory, StudentRegistry students,
            Accounts accounts, PersonNames people) {
        this.page = page;
        this.results = results;
        this.yearEnd = yearEnd;
        this.workflow = workflow;
        this.steps = steps;
        this.corrections = corrections;
        this.correctionWorkflow = correctionWorkflow;
        this.directory = directory;
        this.students = students;
        this.accounts = accounts;
        this.people = people;
    }

    @GetMapping("/lop/{classId}/cuoi-nam")
    String show(@PathVariable long classId, Model model) {
        SchoolClass schoolClass = page.readable(classId, "danh sách xét lên lớp và danh hiệu", model);
        page.titled(model, schoolClass, "year-end", "Cuối năm", null);
        List<StudentResults> all = results.compute(schoolClass).students();
        Map<Promotion, List<Decision>> lists = new EnumMap<>(Promotion.class);
        all.stream().filter(StudentResults::complete).forEach(s -> lists.computeIfAbsent(s.promotion(), p -> new java.util.ArrayList<>())
                .add(new Decision(s.code().value(), s.fullName(), s.explain("promotion").map(Explanation::text).orElse(""),
                        s.title() == null ? null : s.title().label() + ": " + s.explain("title").map(Explanation::text).orElse(""))));
        model.addAttribute("lists", lists);
        model.addAttribute("incomplete", all.stream().filter(s -> !s.complete())
                .map(s -> s.fullName() + " (" + s.code().value() + "): thiếu " + s.missing().size() + " mục").toList());
        Set<String> open = steps.yearEnd(schoolClass);
        model.addAttribute("running", steps.yearEndRunning(schoolClass));
        model.addAttribute("stage", yearEnd.latest(schoolClass).map(YearEndPageController::stage)
                .orElse(yearEnd.lastRejection(schoolClass).isPresent() ? "Hiệu trưởng không duyệt danh sách, chờ GVCN đề nghị lại"
                        : "Chưa đề nghị"));
        boolean proposalOpen = open.contains(YearEndModel.TASK_PROPOSAL);
        boolean summerOpen = open.contains(YearEndModel.TASK_SUMMER_RESULTS);
        model.addAttribute("proposalOpen", proposalOpen);
        model.addAttribute("summerOpen", summerOpen);
        model.addAttribute("returned", yearEnd.lastRejection(schoolClass)
                .filter(r -> r.stage() == YearEnd.Stage.PROPOSED ? proposalOpen : summerOpen)
                .map(r -> "Hiệu trưởng " + accounts.byUsername(r.by()).map(a -> a.displayName()).orElse(r.by()) + " không duyệt "
                        + (r.stage() == YearEnd.Stage.PROPOSED ? "danh sách lên lớp, khen thưởng" : "kết quả sau kiểm tra lại, rèn luyện hè")
                        + " lúc " + TIME.format(r.at()) + ". Lí do: " + r.reason())
                .orElse(null));
        model.addAttribute("corrections", corrections(schoolClass));
        return "closing/year-end";
    }

    @PostMapping("/lop/{classId}/cuoi-nam/bat-dau")
    String start(@PathVariable long classId, Model model, RedirectAttributes redirect) {
        page.homeroom(classId);
        SchoolClass schoolClass = page.readable(classId, "xét lên lớp", model);
        return step(classId, model, redirect, () -> workflow.start(schoolClass), "Đã bắt đầu xét lên lớp cuối năm.");
    }

    @PostMapping("/lop/{classId}/cuoi-nam/de-nghi")
    String propose(@PathVariable long classId, @RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
        Actor by = page.homeroom(classId);
        SchoolClass schoolClass = page.readable(classId, "xét lên lớp", model);
        model.addAttribute("noteTyped", note);
        return step(classId, model, redirect, () -> workflow.propose(schoolClass, note == null || note.isBlank() ? null : note, by),
                "Đã gửi đề nghị danh sách lên lớp và khen thưởng cho Hiệu trưởng.");
    }

    @PostMapping("/lop/{classId}/cuoi-nam/ket-qua-he")
    String summer(@PathVariable long classId, Model model, RedirectAttributes redirect) {
        Actor by = page.homeroom(classId);
        SchoolClass schoolClass = page.readable(classId, "xét lên lớp", model);
        return step(classId, model, redirect, () -> workflow.confirmSummerResults(schoolClass, by),
                "Đã xác nhận kết quả kiểm tra lại và rèn luyện hè; chờ Hiệu trưởng duyệt.");
    }

    @PostMapping("/lop/{classId}/cuoi-nam/sua-diem/{id}/xac-nhan")
    String confirmCorrection(@PathVariable long classId, @PathVariable long id, Model model, RedirectAttributes redirect) {
        Actor by = correctionOfClass(classId, id);
        return step(classId, model, redirect, () -> correctionWorkflow.confirm(id, by),
                "Đã xác nhận đề nghị sửa điểm số " + id + "; chờ Hiệu trưởng duyệt.");
    }

    @PostMapping("/lop/{classId}/cuoi-nam/sua-diem/{id}/tra-lai")
    String returnCorrection(@PathVariable long classId, @PathVariable long id, @RequestParam(required = false) String reason,
            Model model, RedirectAttributes redirect) {
        Actor by = correctionOfClass(classId, id);
        return step(classId, model, redirect, () -> correctionWorkflow.returnToTeacher(id, reason, by),
                "Đã trả lại đề nghị sửa điểm số " + id + " cho giáo viên bộ môn.");
    }

    private Actor correctionOfClass(long classId, long id) {
        Actor by = page.homeroom(classId);
        if (corrections.find(id).classId() != classId) {
            throw Rejected.notFound("Đề nghị sửa điểm số " + id + " không thuộc lớp này.");
        }
        return by;
    }

    private String step(long classId, Model model, RedirectAttributes redirect, Runnable action, String done) {
        try {
            action.run();
            redirect.addFlashAttribute("saved", done);
            return "redirect:/lop/" + classId + "/cuoi-nam";
        } catch (Rejected e) {
            model.addAttribute("error", e.getMessage());
            return show(classId, model);
        }
    }

    private List<Correction> corrections(SchoolClass schoolClass) {
        Map<Long, String> names = students.roster(schoolClass.id()).stream().collect(Collectors.toMap(e -> e.student().id().value(),
                e -> e.student().profile().fullName(), (a, b) -> a));
        Map<Long, String> subjects = directory.gradeSubjects(schoolClass.yearId(), schoolClass.grade()).stream()
                .collect(Collectors.toMap(g -> g.subject().id().value(), g -> g.subject().name()));
        return corrections.ofClass(schoolClass.id().value()).stream().map(c -> new Correction(c.id(),
                names.getOrDefault(c.studentId(), "học sinh " + c.studentId()), subjects.getOrDefault(c.subjectId(), "?"),
                "HK " + TermName.roman(c.term()) + ", " + column(c), shown(c.oldValue()), shown(c.newValue()), c.reason(),
                people.of(c.requestedBy()), TIME.format(c.requestedAt()), status(c), c.status() == CorrectionRequest.Status.REQUESTED))
                .toList();
    }

    /** "8,5" as the grid shows marks; an empty cell as "(trống)" (not "null"). */
    private static String shown(String value) {
        return value == null || value.isEmpty() ? "(trống)" : MarkGrid.shown(value);
    }

    private static String column(CorrectionRequest c) {
        return switch (c.kind()) {
            case REGULAR -> "ĐĐGtx " + c.column();
            case MIDTERM -> "ĐĐGgk";
            case FINAL -> "ĐĐGck";
        };
    }

    private static String status(CorrectionRequest c) {
        return switch (c.status()) {
            case REQUESTED -> "Chờ GVCN xác nhận";
            case CONFIRMED -> "Chờ Hiệu trưởng duyệt";
            case RETURNED -> "GVCN đã trả lại: " + c.decisionReason();
            case APPROVED -> "Đã duyệt";
            case REJECTED -> "Không duyệt: " + c.decisionReason();
            case APPLIED -> "Đã sửa";
        };
    }

    private static String stage(YearEnd.Stage s) {
        return switch (s) {
            case PROPOSED -> "GVCN đã đề nghị, chờ Hiệu trưởng duyệt";
            case APPROVED -> "Hiệu trưởng đã duyệt danh sách";
            case SUMMER -> "GVCN đã xác nhận kết quả hè, chờ Hiệu trưởng duyệt lần cuối";
            case FINAL -> "Đã duyệt kết quả cuối cùng";
        };
    }
}
