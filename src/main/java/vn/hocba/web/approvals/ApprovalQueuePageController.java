package vn.hocba.web.approvals;

import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hocba.common.TermName;
import vn.hocba.common.Rejected;
import vn.hocba.gradebook.AssessmentCalendar;
import vn.hocba.gradebook.GradebookLock;
import vn.hocba.gradebook.GradebookLocks;
import vn.hocba.schoolyear.AcademicYear;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;
import vn.hocba.web.SchoolContext;
import vn.hocba.workflow.CorrectionWorkflow;
import vn.hocba.workflow.PendingApprovals;
import vn.hocba.workflow.TermCloseWorkflow;
import vn.hocba.workflow.YearEndWorkflow;

/**
 * "Duyệt": everything waiting for the principal (terms, year end, corrections, signatures), with what is
 * being approved; the decisions go through the same workflow methods as the API, which record the approver.
 * Also the lock history and the periodic test dates.
 */
@Controller
class ApprovalQueuePageController {

    private final AccessPolicy access;
    private final SchoolContext context;
    private final SchoolDirectory directory;
    private final PendingApprovals pending;
    private final ApprovalCards cards;
    private final TermCloseWorkflow terms;
    private final YearEndWorkflow yearEnd;
    private final CorrectionWorkflow corrections;
    private final GradebookLocks locks;
    private final AssessmentCalendar calendar;

    ApprovalQueuePageController(AccessPolicy access, SchoolContext context, SchoolDirectory directory,
            PendingApprovals pending, ApprovalCards cards, TermCloseWorkflow terms, YearEndWorkflow yearEnd,
            CorrectionWorkflow corrections, GradebookLocks locks, AssessmentCalendar calendar) {
        this.access = access;
        this.context = context;
        this.directory = directory;
        this.pending = pending;
        this.cards = cards;
        this.terms = terms;
        this.yearEnd = yearEnd;
        this.corrections = corrections;
        this.locks = locks;
        this.calendar = calendar;
    }

    /** A lock as the history table shows it. */
    record LockRow(String scope, String what, int term, String lockedAt, String lockedBy, String reason, String unlockedAt) {
    }

    @GetMapping("/duyet")
    String queue(Model model) {
        Viewer viewer = access.requireLocking();
        AcademicYear year = context.activeYear(viewer);
        model.addAttribute("viewer", viewer);
        model.addAttribute("principal", viewer.has(Role.PRINCIPAL));
        model.addAttribute("crumbs", List.of(vn.hocba.web.Crumb.link("Tổng quan trường", "/truong"), vn.hocba.web.Crumb.here("Duyệt")));
        model.addAttribute("cards", pending.open().stream()
                .filter(p -> p.kind() != PendingApprovals.Kind.ARCHIVE_PACKAGE).map(cards::of).toList());
        model.addAttribute("locks", locks.locks(year.id().value()).stream()
                .sorted(Comparator.comparing(GradebookLock::lockedAt).reversed()).map(this::row).toList());
        model.addAttribute("testDates", calendar.of(year.id().value()));
        model.addAttribute("dateFields", TestDatesPageController.fields(calendar.of(year.id().value()),
                flashed(model, "datesTyped"), flashed(model, "datesErrors")));
        return "approvals";
    }

    @PostMapping("/duyet/lop/{classId}/hoc-ki/{term}/duyet")
    String approveTerm(@PathVariable long classId, @PathVariable int term, RedirectAttributes flash) {
        return decide(flash, () -> {
            SchoolClass c = schoolClass(classId);
            terms.approve(c, term, access.actor(principal(), Role.PRINCIPAL));
            return "Đã duyệt kết quả học kì " + TermName.roman(term) + " của lớp " + c.code() + ".";
        });
    }

    @PostMapping("/duyet/lop/{classId}/hoc-ki/{term}/tu-choi")
    String rejectTerm(@PathVariable long classId, @PathVariable int term, @RequestParam(required = false) String reason,
            RedirectAttributes flash) {
        return decide(flash, () -> {
            SchoolClass c = schoolClass(classId);
            terms.reject(c, term, reason, access.actor(principal(), Role.PRINCIPAL));
            return "Đã trả kết quả học kì " + TermName.roman(term) + " của lớp " + c.code() + " về GVCN.";
        });
    }

    @PostMapping("/duyet/lop/{classId}/cuoi-nam/duyet")
    String approveYearEnd(@PathVariable long classId, RedirectAttributes flash) {
        return decide(flash, () -> {
            SchoolClass c = schoolClass(classId);
            yearEnd.approve(c, access.actor(principal(), Role.PRINCIPAL));
            return "Đã duyệt danh sách lên lớp, khen thưởng của lớp " + c.code() + ".";
        });
    }

    @PostMapping("/duyet/lop/{classId}/sau-he/duyet")
    String approveFinal(@PathVariable long classId, RedirectAttributes flash) {
        return decide(flash, () -> {
            SchoolClass c = schoolClass(classId);
            yearEnd.approveFinal(c, access.actor(principal(), Role.PRINCIPAL));
            return "Đã duyệt kết quả sau đánh giá lại của lớp " + c.code() + ".";
        });
    }

    @PostMapping("/duyet/lop/{classId}/cuoi-nam/tu-choi")
    String rejectYearEnd(@PathVariable long classId, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return decide(flash, () -> {
            SchoolClass c = schoolClass(classId);
            yearEnd.reject(c, reason, access.actor(principal(), Role.PRINCIPAL));
            return "Đã trả danh sách lên lớp, khen thưởng của lớp " + c.code() + " về GVCN kèm lí do.";
        });
    }

    @PostMapping("/duyet/lop/{classId}/sau-he/tu-choi")
    String rejectFinal(@PathVariable long classId, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return decide(flash, () -> {
            SchoolClass c = schoolClass(classId);
            yearEnd.rejectFinal(c, reason, access.actor(principal(), Role.PRINCIPAL));
            return "Đã trả kết quả sau đánh giá lại của lớp " + c.code() + " về GVCN kèm lí do.";
        });
    }

    @PostMapping("/duyet/sua-diem/{id}/duyet")
    String approveCorrection(@PathVariable long id, @RequestParam(required = false) String overrideReason,
            RedirectAttributes flash) {
        return decide(flash, () -> {
            corrections.approve(id, blankToNull(overrideReason), access.actor(principal(), Role.PRINCIPAL));
            return "Đã duyệt đề nghị sửa điểm số " + id + ".";
        });
    }

    @PostMapping("/duyet/sua-diem/{id}/tu-choi")
    String rejectCorrection(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return decide(flash, () -> {
            corrections.reject(id, reason, access.actor(principal(), Role.PRINCIPAL));
            return "Đã không duyệt đề nghị sửa điểm số " + id + ".";
        });
    }

    /** Runs a decision; a refusal (missing reason, changed meanwhile) is shown on the queue in Vietnamese. */
    private String decide(RedirectAttributes flash, Supplier<String> decision) {
        try {
            flash.addFlashAttribute("info", decision.get());
        } catch (Rejected e) {
            if (e.reason() == Rejected.Reason.FORBIDDEN) {
                throw e;
            }
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/duyet";
    }

    private Viewer principal() {
        return access.requirePrincipal("duyệt hoặc không duyệt");
    }

    private SchoolClass schoolClass(long classId) {
        return directory.schoolClass(new ClassId(classId));
    }

    private LockRow row(GradebookLock lock) {
        String what = lock.classId() == null ? "Cả trường" : directory.schoolClass(new ClassId(lock.classId())).code();
        String scope = switch (lock.scope()) {
            case SCHOOL_TERM -> "Toàn trường";
            case CLASS_TERM -> "Lớp";
            case SUBJECT_TERM -> "Môn của lớp";
        };
        return new LockRow(scope, what, lock.term(), ApprovalCards.when(lock.lockedAt()), lock.lockedByName(), lock.reason(),
                lock.unlockedAt() == null ? "" : ApprovalCards.when(lock.unlockedAt()));
    }

    /** A map the test dates' form left after a refused save (typed values, reasons by field), else empty. */
    @SuppressWarnings("unchecked")
    private static java.util.Map<String, String> flashed(Model model, String name) {
        Object value = model.getAttribute(name);
        return value instanceof java.util.Map<?, ?> map ? (java.util.Map<String, String>) map : java.util.Map.of();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

}
