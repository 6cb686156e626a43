package vn.hocba.web.tasks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.hocba.security.AccessPolicy;
import vn.hocba.workflow.TaskInbox;
/** "Việc của tôi": the open process tasks of the person logged in. */
@RestController
@Tag(name = "Việc cần làm")
class TaskInboxApiController {

    private final AccessPolicy access;
    private final TaskInbox inbox;

    TaskInboxApiController(AccessPolicy access, TaskInbox inbox) {
        this.access = access;
        this.inbox = inbox;
    }

    @GetMapping("/api/tasks")
    @Operation(summary = "Các việc đang chờ tôi: lớp, môn, học kì, hạn, những gì còn thiếu")
    List<TaskInbox.InboxTask> mine() {
        return inbox.of(access.current());
    }
}
