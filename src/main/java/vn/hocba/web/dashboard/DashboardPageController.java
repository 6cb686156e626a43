package vn.hocba.web.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hocba.audit.Actor;
import vn.hocba.common.Rejected;
import vn.hocba.gradebook.AssessmentCalendar;
import vn.hocba.gradebook.EntryProgress;
import vn.hocba.reminders.ManualReminders;
import vn.hocba.schoolyear.AcademicYear;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.StaffId;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Accounts;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;
import vn.hocba.web.Crumb;
import vn.hocba.web.SchoolContext;
import vn.hocba.workflow.ProcessPictures;

/**
 * "Tổng quan trường" for the principal and vice principal: classes × stages (filter by grade), who is
 * behind in mark entry with a "Nhắc" button (in-app notice, audited), and a class's processes as pictures.
 */
@Controller
class DashboardPageController {

    private final AccessPolicy access;
    private final SchoolContext context;
    private final SchoolDirectory directory;
    private final SchoolOverview overview;
    private final EntryProgress entry;
    private final AssessmentCalendar calendar;
    private final ManualReminders reminders;
    private final Accounts accounts;
    private final ProcessPictures pictures;
    private final EntryColumns columns;
    private final Clock clock;

    DashboardPageController(AccessPolicy access, SchoolContext context, SchoolDirectory directory, SchoolOverview overview,
            EntryProgress entry, AssessmentCalendar calendar, ManualReminders reminders, Accounts accounts,
            ProcessPictures pictures, EntryColumns columns, Clock clock) {
        this.access = access;
        this.context = context;
        this.directory = directory;
        this.overview = overview;
        this.entry = entry;
        this.calendar = calendar;
        this.reminders = reminders;
        this.accounts = accounts;
        this.pictures = pictures;
        this.columns = columns;
        this.clock = clock;
    }

    @GetMapping("/truong")
    String dashboard(@RequestParam(required = false) Integer khoi, @RequestParam(required = false) Integer hk, Model model) {
        Viewer viewer = access.requireLocking();
        AcademicYear year = context.activeYear(viewer);
        int term = hk != null ? hk : currentTerm(year);
        model.addAttribute("viewer", viewer);
        model.addAttribute("year", year);
        model.addAttribute("grade", khoi);
        model.addAttribute("crumbs", List.of(Crumb.here("Tổng quan trường")));
        model.addAttribute("grades", directory.classes(year.id()).stream().map(c -> c.grade()).distinct().sorted().toList());
        model.addAttribute("stages", SchoolOverview.STAGES);
        List<EntryProgress.Line> termOne = entry.of(year.id(), 1);
        List<EntryProgress.Line> termTwo = entry.of(year.id(), 2);
        model.addAttribute("rows", overview.rows(year, khoi, termOne, termTwo));
        model.addAttribute("term", term);
        model.addAttribute("behind", (term == 1 ? termOne : termTwo).stream().filter(l -> l.entered() < l.required())
                .filter(l -> khoi == null || l.classCode().startsWith(String.valueOf(khoi)))
                .sorted(Comparator.comparing(EntryProgress.Line::share)).toList());
        model.addAttribute("testDates", calendar.of(year.id().value()).stream().filter(d -> d.term() == term).toList());
        return "dashboard";
    }

    /**
     * "Nhắc": an in-app notice (and an e-mail when configured) to the teacher naming the columns still missing
     * cells with their deadlines, at most once a day for the same class, subject and term; audited. The text is
     * built here from the recorded progress, for a class and subject the teacher is assigned to.
     */
    @PostMapping("/truong/nhac")
    String remind(@RequestParam long teacherId, @RequestParam String classCode, @RequestParam String subjectCode,
            @RequestParam int term, @RequestParam(required = false) String tu, RedirectAttributes flash) {
        Viewer viewer = access.requireLocking();
        AcademicYear year = context.activeYear(viewer);
        var teacher = directory.staffMember(new StaffId(teacherId));
        EntryColumns.Group group = columns.group(year, term, teacherId, classCode, subjectCode).orElseThrow(() -> Rejected.notFound(
                teacher.fullName() + " không được phân công dạy môn " + subjectCode + " lớp " + classCode + " năm học " + year.name() + "."));
        var account = accounts.byStaff(teacher.id()).orElseThrow(() -> Rejected.conflict(
                "Giáo viên " + teacher.fullName() + " chưa có tài khoản HocBa nên không nhận được nhắc nhở."));
        boolean principal = viewer.has(Role.PRINCIPAL);
        String message = EntryColumns.reminder(group, term, principal ? "Hiệu trưởng" : "Phó hiệu trưởng");
        String day = LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh"))).toString();
        Actor actor = access.actor(viewer, principal ? Role.PRINCIPAL : Role.VICE_PRINCIPAL);
        boolean sent = reminders.remind(account.username(), teacher.code(), message,
                "manual-" + day + "-" + teacherId + "-" + classCode + "-" + subjectCode + "-" + term, actor);
        flash.addFlashAttribute("info", sent ? "Đã nhắc " + teacher.fullName() + " (môn " + group.subjectName() + ", lớp " + classCode + ")."
                : teacher.fullName() + " đã được nhắc việc này hôm nay.");
        return "cot".equals(tu) ? "redirect:/truong/tien-do?hk=" + term + "#" + group.id() : "redirect:/truong?hk=" + term + "#tien-do";
    }

    @GetMapping("/truong/lop/{classId}/quy-trinh")
    String processes(@PathVariable long classId, Model model) {
        Viewer viewer = access.requireReadWholeClass(new ClassId(classId), "quy trình của lớp");
        model.addAttribute("viewer", viewer);
        model.addAttribute("schoolClass", directory.schoolClass(new ClassId(classId)));
        model.addAttribute("pictures", pictures.of(classId));
        model.addAttribute("crumbs", List.of(Crumb.link("Tổng quan trường", "/truong"),
                Crumb.here("Quy trình lớp " + directory.schoolClass(new ClassId(classId)).code())));
        return "class-processes";
    }

    private int currentTerm(AcademicYear year) {
        return currentTerm(year, clock);
    }

    /** Term II from its first day on, else term I. */
    static int currentTerm(AcademicYear year, Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh")));
        return year.terms().stream().filter(t -> t.number() == 2 && !today.isBefore(t.startsOn())).findFirst()
                .map(t -> 2).orElse(1);
    }

}
