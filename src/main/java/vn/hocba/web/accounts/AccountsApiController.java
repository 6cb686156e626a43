package vn.hocba.web.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.hocba.schoolyear.StaffId;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Account;
import vn.hocba.security.Accounts;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;

/** Accounts, kept by the admin board (seed 000 §IX: "phân quyền sử dụng"). Every change is audited. */
@RestController
@Tag(name = "Tài khoản", description = "Ban quản trị tạo tài khoản, gán vai trò, mở khoá")
class AccountsApiController {

    private final AccessPolicy access;
    private final Accounts accounts;

    AccountsApiController(AccessPolicy access, Accounts accounts) {
        this.access = access;
        this.accounts = accounts;
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
    @Operation(summary = "Tạo tài khoản cho một người (vai trò giáo viên đến từ phân công, không gán ở đây)")
    Created create(@RequestBody NewAccount body) {
        Viewer viewer = access.requireSetup();
        return new Created(accounts.create(body.username(), body.password(), body.displayName(),
                body.staffId() == null ? null : new StaffId(body.staffId()), body.roles() == null ? Set.of() : body.roles(),
                access.actor(viewer, Role.ADMIN_BOARD)).value());
    }

    @PostMapping("/api/accounts/{username}/unlock")
    @Operation(summary = "Mở khoá tài khoản bị khoá do đăng nhập sai nhiều lần")
    void unlock(@PathVariable String username) {
        Viewer viewer = access.requireSetup();
        accounts.unlock(username, access.actor(viewer, Role.ADMIN_BOARD));
    }

    private AccountView view(Account a) {
        return new AccountView(a.username(), a.displayName(), a.staffId() == null ? null : a.staffId().value(), a.roles(),
                a.enabled(), accounts.isLocked(a));
    }
}
