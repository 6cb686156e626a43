package vn.hocba.web.hocbaso;

import org.springframework.stereotype.Component;
import vn.hocba.audit.Actor;
import vn.hocba.common.Rejected;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;

/** Who may submit, recall and re-issue học bạ số and change the identifiers: the clerk and the principal. */
@Component
class RecordClerks {

    private final AccessPolicy access;

    RecordClerks(AccessPolicy access) {
        this.access = access;
    }

    Viewer require() {
        Viewer viewer = access.current();
        if (!viewer.has(Role.CLERK) && !viewer.has(Role.PRINCIPAL)) {
            throw Rejected.forbidden("Chỉ văn thư hoặc Hiệu trưởng được gửi, thu hồi, phát hành lại học bạ số và sửa mã "
                    + "định danh của học sinh.");
        }
        return viewer;
    }

    Actor actor(Viewer viewer) {
        return access.actor(viewer, viewer.has(Role.CLERK) ? Role.CLERK : Role.PRINCIPAL);
    }
}
