package vn.hocba.web.closing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.hocba.gradebook.GradebookLock;
import vn.hocba.gradebook.GradebookLocks;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SubjectId;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;
import vn.hocba.web.SchoolContext;
/** Khoá/mở khoá sổ điểm: principal or vice principal, always with a reason. */
@RestController
@Tag(name = "Khoá sổ điểm")
class LocksApiController {

    private final AccessPolicy access;
    private final SchoolContext context;
    private final GradebookLocks locks;

    LocksApiController(AccessPolicy access, SchoolContext context, GradebookLocks locks) {
        this.access = access;
        this.context = context;
        this.locks = locks;
    }

    record NewLock(int term, Long classId, Long subjectId, String reason) {
    }

    record Unlock(String reason) {
    }

    @GetMapping("/api/locks")
    @Operation(summary = "Các lần khoá sổ của năm học hiện tại")
    List<GradebookLock> list() {
        Viewer viewer = access.current();
        return locks.locks(context.activeYear(viewer).id().value());
    }

    @PostMapping("/api/locks")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Khoá sổ: toàn trường (không ghi lớp), một lớp, hoặc một môn của lớp, trong một học kì")
    GradebookLock lock(@RequestBody NewLock body) {
        Viewer viewer = access.requireLocking();
        var request = new GradebookLocks.LockRequest(context.activeYear(viewer).id().value(), body.term(),
                body.classId() == null ? null : new ClassId(body.classId()),
                body.subjectId() == null ? null : new SubjectId(body.subjectId()), body.reason());
        return locks.lock(request, access.actor(viewer, role(viewer)), viewer.account().displayName());
    }

    @PostMapping("/api/locks/{lockId}/unlock")
    @Operation(summary = "Mở khoá sổ, có lí do")
    GradebookLock unlock(@PathVariable long lockId, @RequestBody Unlock body) {
        Viewer viewer = access.requireLocking();
        return locks.unlock(lockId, body.reason(), access.actor(viewer, role(viewer)));
    }

    private static Role role(Viewer viewer) {
        return viewer.has(Role.PRINCIPAL) ? Role.PRINCIPAL : Role.VICE_PRINCIPAL;
    }
}
