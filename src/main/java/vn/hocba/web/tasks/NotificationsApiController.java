package vn.hocba.web.tasks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.hocba.notifications.Notification;
import vn.hocba.notifications.Notifications;
import vn.hocba.security.AccessPolicy;

/** The person's in-app notifications (reminders, escalations). */
@RestController
@Tag(name = "Thông báo")
class NotificationsApiController {

    private final AccessPolicy access;
    private final Notifications notifications;

    NotificationsApiController(AccessPolicy access, Notifications notifications) {
        this.access = access;
        this.notifications = notifications;
    }

    @GetMapping("/api/notifications")
    @Operation(summary = "Thông báo của tôi, mới nhất trước")
    List<Notification> mine() {
        return notifications.of(access.current().account().username());
    }

    @PostMapping("/api/notifications/{id}/read")
    @Operation(summary = "Đánh dấu đã đọc")
    void read(@PathVariable long id) {
        notifications.markRead(access.current().account().username(), id);
    }
}
