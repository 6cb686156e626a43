package vn.hocba.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditRecord;

/** Session 30: each account change of the audit log as the admin board reads it, in Vietnamese. */
class AccountChangesTest {

    @Test
    void eachKindOfChangeIsSaidInVietnameseWithRoleNames() {
        assertThat(detail("ACCOUNT_ROLES_CHANGED", "[DEPARTMENT_HEAD]", "[DEPARTMENT_HEAD, CLERK]"))
                .isEqualTo("Tổ trưởng chuyên môn → Tổ trưởng chuyên môn, Văn thư");
        assertThat(detail("ACCOUNT_ROLES_CHANGED", "[CLERK]", "[]")).isEqualTo("Văn thư → không có");
        assertThat(detail("ACCOUNT_CREATED", null, "Trần Thị Ơn []")).isEqualTo("Trần Thị Ơn · vai trò: không có");
        assertThat(detail("ACCOUNT_LINKED", null, "staff GV25 Mai Thị Hương Giang")).isEqualTo("cán bộ GV25 Mai Thị Hương Giang");
        assertThat(detail("ACCOUNT_LOCKED", null, "locked for PT15M from 10.0.0.7"))
                .isEqualTo("Sai mật khẩu nhiều lần: khoá 15 phút, từ địa chỉ 10.0.0.7.");
        assertThat(detail("ACCOUNT_LOCKED", null, "locked for PT15M from new addresses"))
                .isEqualTo("Sai mật khẩu nhiều lần: khoá 15 phút với các địa chỉ tài khoản chưa từng dùng.");
        assertThat(detail("PASSWORD_RESET", null, "temporary password, must change it at the next login"))
                .isEqualTo("Mật khẩu tạm thời, phải đổi ở lần đăng nhập tới; mọi phiên đăng nhập và mã API đã kết thúc.");
        assertThat(detail("ACCOUNT_DISABLED", "enabled", "disabled")).isEmpty();
    }

    private static String detail(String action, String oldValue, String newValue) {
        return AccountChanges.detail(new AuditRecord(new Actor("quantri", null, null), action, "account gv01", oldValue, newValue,
                null, null));
    }
}
