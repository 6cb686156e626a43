package vn.hocba.web.tasks;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import vn.hocba.notifications.Notification;
import vn.hocba.notifications.Notifications;
import vn.hocba.security.AccessPolicy;
import vn.hocba.web.Crumb;

/** "Thông báo": the person's notifications, newest first (the latest 200), each marked read with a button. */
@Controller
class NotificationsPageController {

    private final AccessPolicy access;
    private final Notifications notifications;

    NotificationsPageController(AccessPolicy access, Notifications notifications) {
        this.access = access;
        this.notifications = notifications;
    }

    @GetMapping("/thong-bao")
    String list(Model model) {
        List<Notification> all = notifications.of(access.current().account().username());
        model.addAttribute("notifications", all);
        model.addAttribute("unread", all.stream().filter(n -> n.readAt() == null).count());
        model.addAttribute("zone", TasksPageController.SCHOOL_TIME);
        model.addAttribute("crumbs", List.of(Crumb.link("Việc cần làm", "/viec-can-lam"), Crumb.here("Thông báo")));
        return "notifications";
    }

    /** Only the person's own notifications are marked (the recipient is part of the update). */
    @PostMapping("/thong-bao/{id}/da-doc")
    String markRead(@PathVariable long id) {
        notifications.markRead(access.current().account().username(), id);
        return "redirect:/thong-bao";
    }
}
