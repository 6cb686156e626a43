package vn.hocba.web.closing;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import vn.hocba.gradebook.GradebookLocks;
import vn.hocba.gradebook.closing.Readiness;
import vn.hocba.gradebook.closing.SignOff;
import vn.hocba.gradebook.closing.SignOffs;
import vn.hocba.gradebook.closing.SubjectSigners;
import vn.hocba.gradebook.homeroom.MonthConfirmation;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.SubjectId;
import vn.hocba.web.PersonNames;
import vn.hocba.web.homeroom.ClassPage;
import vn.hocba.workflow.ProcessSteps;
import vn.hocba.workflow.TermCloseModel;
import vn.hocba.workflow.TermCloseReturns;
import vn.hocba.workflow.TermCloseWorkflow;

/**
 * Kiểm tra và ký (GVCN): the subjects' sign-offs of the term; send one back with a reason or confirm
 * the check; then sign the class, which shows the SHA-256 of what was signed. Every button calls
 * {@link TermCloseWorkflow} as the API does (same checks, same task completed).
 */
@Controller
class HomeroomCheckPageController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    /**
     * One subject: its teachers and its latest sign-off (active or sent back); {@code signed} by every teacher assigned
     * to it, {@code returnable} while anyone's sign-off of it is active (a co-teacher assigned after the others signed
     * signs once the subject is sent back).
     */
    record SubjectRow(long subjectId, String name, String teachers, String state, String signedAt, String sha256, boolean signed,
            boolean returnable) {
    }

    private final ClassPage page;
    private final SchoolDirectory directory;
    private final SignOffs signOffs;
    private final Readiness readiness;
    private final TermCloseWorkflow workflow;
    private final ProcessSteps steps;
    private final GradebookLocks locks;
    private final TermCloseReturns returns;
    private final PersonNames people;
    private final SubjectSigners signers;

    HomeroomCheckPageController(ClassPage page, SchoolDirectory directory, SignOffs signOffs, Readiness readiness,
            TermCloseWorkflow workflow, ProcessSteps steps, GradebookLocks locks, TermCloseReturns returns, PersonNames people,
            SubjectSigners signers) {
        this.signers = signers;
        this.returns = returns;
        this.page = page;
        this.directory = directory;
        this.signOffs = signOffs;
        this.readiness = readiness;
        this.workflow = workflow;
        this.steps = steps;
        this.locks = locks;
        this.people = people;
    }

    @GetMapping("/lop/{classId}/kiem-tra/hoc-ki/{term}")
    String show(@PathVariable long classId, @PathVariable int term, Model model) {
        SchoolClass schoolClass = page.readable(classId, "kiểm tra và ký xác nhận của lớp", model);
        model.addAttribute("term", ClassPage.term(term));
        page.titled(model, schoolClass, "check", "Kiểm tra và ký xác nhận", vn.hocba.web.Crumb.termLabel(term));
        List<SignOff> all = signOffs.of(schoolClass, term);
        Set<String> open = steps.termClose(schoolClass, term);
        model.addAttribute("subjects", subjects(schoolClass, all));
        model.addAttribute("running", steps.termCloseRunning(schoolClass, term));
        model.addAttribute("locked", locks.isLocked(schoolClass, null, term));
        model.addAttribute("checkOpen", open.contains(TermCloseModel.TASK_HOMEROOM_CHECK));
        model.addAttribute("signOpen", open.contains(TermCloseModel.TASK_HOMEROOM_SIGN_OFF));
        model.addAttribute("approvalOpen", open.contains(TermCloseModel.TASK_PRINCIPAL_APPROVAL));
        model.addAttribute("rejection", returns.rejection(schoolClass, term).orElse(null));
        model.addAttribute("missing", readiness.missing(schoolClass, term).size());
        model.addAttribute("months", readiness.unconfirmedAttendanceMonths(schoolClass, term).stream()
                .map(MonthConfirmation::label).toList());
        Optional<SignOff> classSign = all.stream().filter(s -> s.kind() == SignOff.Kind.HOMEROOM && s.active()).reduce((a, b) -> b);
        model.addAttribute("classSign", classSign.orElse(null));
        model.addAttribute("classSignedBy", classSign.map(s -> people.of(s.signedBy())).orElse(null));
        model.addAttribute("classSignedAt", classSign.map(s -> TIME.format(s.signedAt())).orElse(null));
        model.addAttribute("history", all.stream().map(s -> describe(schoolClass, s)).toList());
        return "closing/check";
    }

    @PostMapping("/lop/{classId}/kiem-tra/hoc-ki/{term}/bat-dau")
    String start(@PathVariable long classId, @PathVariable int term, Model model, RedirectAttributes redirect) {
        page.homeroom(classId);
        SchoolClass schoolClass = page.readable(classId, "kiểm tra và ký xác nhận của lớp", model);
        return step(classId, term, model, redirect, () -> workflow.start(schoolClass, ClassPage.term(term)),
                "Đã bắt đầu chốt " + TermName.of(term) + ": giáo viên bộ môn nhận việc ký xác nhận môn.");
    }

    @PostMapping("/lop/{classId}/kiem-tra/hoc-ki/{term}/tra-lai/{subjectId}")
    String sendBack(@PathVariable long classId, @PathVariable int term, @PathVariable long subjectId,
            @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        Actor by = page.homeroom(classId);
        SchoolClass schoolClass = page.readable(classId, "kiểm tra và ký xác nhận của lớp", model);
        model.addAttribute("reasonFor", subjectId);
        model.addAttribute("reasonTyped", reason);
        return step(classId, term, model, redirect, () -> workflow.sendBack(schoolClass, new SubjectId(subjectId), term,
                reason == null || reason.isBlank() ? null : reason, by), "Đã trả lại môn cho giáo viên bộ môn với lí do: " + reason);
    }

    @PostMapping("/lop/{classId}/kiem-tra/hoc-ki/{term}/xac-nhan")
    String confirm(@PathVariable long classId, @PathVariable int term, Model model, RedirectAttributes redirect) {
        Actor by = page.homeroom(classId);
        SchoolClass schoolClass = page.readable(classId, "kiểm tra và ký xác nhận của lớp", model);
        return step(classId, term, model, redirect, () -> workflow.confirmCheck(schoolClass, term, by),
                "Đã xác nhận kiểm tra cả lớp. Bước tiếp theo: ký xác nhận kết quả lớp.");
    }

    @PostMapping("/lop/{classId}/kiem-tra/hoc-ki/{term}/ki")
    String sign(@PathVariable long classId, @PathVariable int term, Model model, RedirectAttributes redirect) {
        Actor by = page.homeroom(classId);
        SchoolClass schoolClass = page.readable(classId, "kiểm tra và ký xác nhận của lớp", model);
        return step(classId, term, model, redirect, () -> workflow.signClass(schoolClass, term, by),
                "Đã ký xác nhận kết quả lớp " + TermName.of(term) + "; chờ Hiệu trưởng phê duyệt.");
    }

    private String step(long classId, int term, Model model, RedirectAttributes redirect, Runnable action, String done) {
        try {
            action.run();
            redirect.addFlashAttribute("saved", done);
            return "redirect:/lop/" + classId + "/kiem-tra/hoc-ki/" + term;
        } catch (Rejected e) {
            model.addAttribute("error", e.getMessage());
            return show(classId, term, model);
        }
    }

    /** Signed means signed by every teacher assigned to the subject (co-teachers each sign their part). */
    private List<SubjectRow> subjects(SchoolClass schoolClass, List<SignOff> all) {
        var teaching = directory.teachingAssignmentsOfClass(schoolClass.id());
        return signers.of(schoolClass, all).stream().map(signing -> {
            long id = signing.subject().subject().id().value();
            Optional<SignOff> active = signing.active().stream().reduce((a, b) -> b);
            String teachers = String.join(", ", teaching.stream().filter(t -> t.subject().id().value() == id)
                    .map(t -> t.teacher().fullName() + (t.columns().isWhole() ? "" : " (" + t.columns() + ")")).toList());
            return new SubjectRow(id, signing.subject().subject().name(), teachers, SigningStates.of(signing, all, people, "Đã ký"),
                    active.map(s -> TIME.format(s.signedAt())).orElse(""), active.map(SignOff::contentSha256).orElse(""),
                    signing.signed(), active.isPresent());
        }).toList();
    }

    private String describe(SchoolClass schoolClass, SignOff s) {
        String what = switch (s.kind()) {
            case SUBJECT -> "Môn " + directory.gradeSubjects(schoolClass.yearId(), schoolClass.grade()).stream()
                    .filter(g -> g.subject().id().value() == s.subjectId()).map(g -> g.subject().name()).findFirst().orElse("?");
            case HOMEROOM -> "GVCN ký xác nhận lớp";
            case PRINCIPAL -> "Hiệu trưởng phê duyệt";
        };
        return TIME.format(s.signedAt()) + " · " + what + " · " + people.of(s.signedBy()) + " · SHA-256 " + s.contentSha256().substring(0, 16) + "…"
                + (s.active() ? "" : " · đã mở lại: " + s.reopenReason());
    }
}
