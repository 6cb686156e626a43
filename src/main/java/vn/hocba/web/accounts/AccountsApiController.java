package vn.hocba.web.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.hocba.audit.Actor;
import vn.hocba.common.Rejected;
import vn.hocba.schoolyear.StaffId;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Account;
import vn.hocba.security.Accounts;
import vn.hocba.security.PasswordChanges;
import vn.hocba.security.Role;
import vn.hocba.security.StaffLinks;
import vn.hocba.security.TemporaryPasswords;
import vn.hocba.security.Viewer;

/** Accounts, kept by the admin board (seed 000 §IX: "phân quyền sử dụng"). Every change is audited. */
@RestController
@Tag(name = "Tài khoản", description = "Ban quản trị tạo tài khoản, gán vai trò, mở khoá")
class AccountsApiController {

    private final AccessPolicy access;
    private final Accounts accounts;
    private final StaffLinks links;
    private final PasswordChanges passwordChanges;
    private final TemporaryPasswords temporary;

    AccountsApiController(AccessPolicy access, Accounts accounts, StaffLinks links, PasswordChanges passwordChanges,
            TemporaryPasswords temporary) {
        this.access = access;
        this.accounts = accounts;
        this.links = links;
        this.passwordChanges = passwordChanges;
        this.temporary = temporary;
    }

    record TemporaryPassword(String password) {
    }

    record StaffLink(Long staffId) {
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    record NewAccount(String username, String password, String displayName, Long staffId, Set<Role> roles) {
    }

    /** An account as listed: never the password hash. */
    record AccountView(String username, String displayName, Long staffId, Set<Role> roles, boolean enabled, boolean locked) {
    }

    record Created(long id) {
    }

    @GetMapping("/api/accounts")
    @Operation(summary = "Danh sách tài khoản")
    List<AccountView> list() {
        access.requireSetup();
        return accounts.all().stream().map(this::view).toList();
    }

    @PostMapping("/api/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Tạo tài khoản cho một người (vai trò giáo viên đến từ phân công, không gán ở đây); "
            + "staffId liên kết tài khoản với hồ sơ cán bộ như PUT /api/accounts/{username}/staff")
    Created create(@RequestBody NewAccount body) {
        Viewer viewer = access.requireSetup();
        Actor by = access.actor(viewer, Role.ADMIN_BOARD);
        Created created = new Created(accounts.create(body.username(), body.password(), body.displayName(),
                body.staffId() == null ? null : new StaffId(body.staffId()), body.roles() == null ? Set.of() : body.roles(),
                by).value());
        // The admin board chose this password: the person replaces it at the first login (issue 14, item 13).
        temporary.requireChange(body.username(), by);
        return created;
    }

    @PostMapping("/api/accounts/{username}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Đặt mật khẩu tạm thời cho người quên mật khẩu: mọi mã Bearer bị thu hồi, mọi phiên kết thúc; "
            + "người đó phải đổi mật khẩu ở lần đăng nhập tiếp theo")
    void resetPassword(@PathVariable String username, @RequestBody TemporaryPassword body) {
        Viewer viewer = access.requireSetup();
        temporary.reset(username, body.password(), access.actor(viewer, Role.ADMIN_BOARD));
    }

    @PostMapping("/api/accounts/{username}/unlock")
    @Operation(summary = "Mở khoá tài khoản bị khoá do đăng nhập sai nhiều lần")
    void unlock(@PathVariable String username) {
        Viewer viewer = access.requireSetup();
        accounts.unlock(username, access.actor(viewer, Role.ADMIN_BOARD));
    }

    @PutMapping("/api/accounts/{username}/staff")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Liên kết tài khoản với hồ sơ cán bộ (mỗi cán bộ một tài khoản; tài khoản Ban quản trị "
            + "không được liên kết với người có phân công giảng dạy hay chủ nhiệm)")
    void link(@PathVariable String username, @RequestBody StaffLink body) {
        Viewer viewer = access.requireSetup();
        if (body.staffId() == null) {
            throw Rejected.invalid("Thiếu staffId: mã số hồ sơ cán bộ cần liên kết với tài khoản " + username + ".");
        }
        links.link(account(username).id(), new StaffId(body.staffId()), access.actor(viewer, Role.ADMIN_BOARD));
    }

    @DeleteMapping("/api/accounts/{username}/staff")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Bỏ liên kết tài khoản với hồ sơ cán bộ")
    void unlink(@PathVariable String username) {
        Viewer viewer = access.requireSetup();
        links.unlink(account(username).id(), access.actor(viewer, Role.ADMIN_BOARD));
    }

    @PostMapping("/api/accounts/{username}/disable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Vô hiệu hoá tài khoản: thu hồi mọi mã Bearer và kết thúc mọi phiên đăng nhập của người đó")
    void disable(@PathVariable String username) {
        Viewer viewer = access.requireSetup();
        accounts.setEnabled(username, false, access.actor(viewer, Role.ADMIN_BOARD));
    }

    @PostMapping("/api/accounts/{username}/enable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Kích hoạt lại tài khoản đã vô hiệu hoá")
    void enable(@PathVariable String username) {
        Viewer viewer = access.requireSetup();
        accounts.setEnabled(username, true, access.actor(viewer, Role.ADMIN_BOARD));
    }

    @PutMapping("/api/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Đổi mật khẩu của chính mình: mọi mã Bearer bị thu hồi, mọi phiên đăng nhập kết thúc; "
            + "đăng nhập lại bằng mật khẩu mới")
    void changePassword(@RequestBody PasswordChange body, HttpServletRequest request) {
        Account account = access.current().account();
        passwordChanges.change(account, body.currentPassword(), body.newPassword(),
                new Actor(account.username(), null, request.getRemoteAddr()));
    }

    private Account account(String username) {
        return accounts.byUsername(username).orElseThrow(() -> Rejected.notFound("Không có tài khoản " + username + "."));
    }

    private AccountView view(Account a) {
        return new AccountView(a.username(), a.displayName(), a.staffId() == null ? null : a.staffId().value(), a.roles(),
                a.enabled(), accounts.isLocked(a));
    }
}
