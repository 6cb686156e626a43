package vn.hocba.web.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.hocba.audit.AuditVerification;
import vn.hocba.audit.AuditVerifier;
import vn.hocba.common.Rejected;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;

/** Checking the audit log, for the school's leaders and the admin board. */
@RestController
@Tag(name = "Nhật ký kiểm toán")
class AuditApiController {

    private final AccessPolicy access;
    private final AuditVerifier verifier;

    AuditApiController(AccessPolicy access, AuditVerifier verifier) {
        this.access = access;
        this.verifier = verifier;
    }

    @GetMapping("/api/audit/verification")
    @Operation(summary = "Kiểm tra chuỗi băm của nhật ký: báo mục đầu tiên bị sửa, xoá hoặc chèn")
    AuditVerification verify() {
        Viewer viewer = access.current();
        if (!viewer.has(Role.PRINCIPAL) && !viewer.has(Role.VICE_PRINCIPAL) && !viewer.has(Role.ADMIN_BOARD)) {
            throw Rejected.forbidden("Chỉ Hiệu trưởng, Phó hiệu trưởng và Ban quản trị kiểm tra được nhật ký kiểm toán.");
        }
        return verifier.verify();
    }
}
