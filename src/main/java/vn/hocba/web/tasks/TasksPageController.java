package vn.hocba.web.tasks;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.hocba.notifications.Notification;
import vn.hocba.notifications.Notifications;
import vn.hocba.schoolyear.AcademicYear;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Viewer;
import vn.hocba.web.Crumb;
import vn.hocba.web.SchoolContext;
import vn.hocba.workflow.TaskInbox;

/**
 * "Việc cần làm", the page everyone lands on after the login (issue 14, item 1): every open task with
 * the button that opens the page where it is done ({@link TaskLinks}), the teacher's mark entry
 * against the school's deadlines ({@link EntryDeadlines}), the latest notifications, and the classes
 * the person may open.
 */
@Controller
class TasksPageController {

    /** Times as the school reads them (the server itself may run in UTC). */
    static final ZoneId SCHOOL_TIME = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int LATEST_NOTIFICATIONS = 5;

    /** A task with its button. */
    record TaskCard(TaskInbox.InboxTask task, TaskLinks.Link link) {
    }

    private final AccessPolicy access;
    private final TaskInbox inbox;
    private final Notifications notifications;
    private final SchoolContext context;
    private final SchoolDirectory directory;
    private final TaskLinks links;
    private final EntryDeadlines deadlines;

    TasksPageController(AccessPolicy access, TaskInbox inbox, Notifications notifications, SchoolContext context,
            SchoolDirectory directory, TaskLinks links, EntryDeadlines deadlines) {
        this.access = access;
        this.inbox = inbox;
        this.notifications = notifications;
        this.context = context;
        this.directory = directory;
        this.links = links;
        this.deadlines = deadlines;
    }

    @GetMapping({"/", "/viec-can-lam"})
    String tasks(Model model) {
        Viewer viewer = access.current();
        AcademicYear year = context.activeYear(viewer);
        int term = context.currentTerm(viewer);
        Map<String, Long> subjectIds = links.subjectIds(year.schoolId());
        model.addAttribute("viewer", viewer);
        model.addAttribute("zone", SCHOOL_TIME);
        model.addAttribute("school", context.school(viewer));
        model.addAttribute("year", year);
        model.addAttribute("term", term);
        model.addAttribute("termLabel", Crumb.termLabel(term));
        model.addAttribute("tasks", inbox.of(viewer).stream()
                .map(t -> new TaskCard(t, links.of(t, subjectIds::get))).toList());
        model.addAttribute("progress", deadlines.of(viewer, year, term, subjectIds));
        List<Notification> all = notifications.of(viewer.account().username());
        model.addAttribute("notifications", all.stream().limit(LATEST_NOTIFICATIONS).toList());
        model.addAttribute("unread", all.stream().filter(n -> n.readAt() == null).count());
        List<SchoolClass> classes = directory.classes(year.id()).stream()
                .filter(c -> viewer.canReadClass(c.id())).sorted(Comparator.comparing(SchoolClass::code)).toList();
        model.addAttribute("classes", classes);
        return "tasks";
    }
}
