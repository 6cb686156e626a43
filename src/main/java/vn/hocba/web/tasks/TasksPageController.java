package vn.hocba.web.tasks;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.hocba.notifications.Notifications;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Viewer;
import vn.hocba.workflow.TaskInbox;
/** "Việc cần làm": the person's open process tasks and latest notifications, as a page. */
@Controller
class TasksPageController {

    private final AccessPolicy access;
    private final TaskInbox inbox;
    private final Notifications notifications;

    TasksPageController(AccessPolicy access, TaskInbox inbox, Notifications notifications) {
        this.access = access;
        this.inbox = inbox;
        this.notifications = notifications;
    }

    @GetMapping("/viec-can-lam")
    String tasks(Model model) {
        Viewer viewer = access.current();
        model.addAttribute("viewer", viewer);
        // Times as the school reads them (the server itself may run in UTC).
        model.addAttribute("zone", java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        model.addAttribute("tasks", inbox.of(viewer));
        model.addAttribute("notifications", notifications.of(viewer.account().username()));
        return "tasks";
    }
}
