package vn.hocba.web.admin;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hocba.audit.Actor;
import vn.hocba.common.Rejected;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.StaffId;
import vn.hocba.security.Account;
import vn.hocba.security.AccountRoles;
import vn.hocba.security.Accounts;
import vn.hocba.security.Role;
import vn.hocba.security.TemporaryPasswords;
import vn.hocba.security.Viewer;
import vn.hocba.web.Crumb;
import vn.hocba.web.SchoolContext;

/**
 * Accounts for the admin board (issue 15, item 9): create one with a generated temporary password shown
 * once (the owner changes it at the first login), reset a forgotten password the same way, lock
 * (disable) and unlock (enable, and lift a failed-login lockout), change the granted roles, and the
 * audit of account changes. The services are the accounts API's; every change is audited there.
 */
@Controller
class AccountsPageController {

    private static final List<Role> GRANTED = Arrays.stream(Role.values()).filter(Role::isGranted).toList();

    private final AdminPages pages;
    private final SchoolContext context;
    private final SchoolDirectory directory;
    private final Accounts accounts;
    private final AccountRoles roles;
    private final TemporaryPasswords temporary;
    private final AccountChanges changes;

    AccountsPageController(AdminPages pages, SchoolContext context, SchoolDirectory directory, Accounts accounts,
            AccountRoles roles, TemporaryPasswords temporary, AccountChanges changes) {
        this.pages = pages;
        this.context = context;
        this.directory = directory;
        this.accounts = accounts;
        this.roles = roles;
        this.temporary = temporary;
        this.changes = changes;
    }

    /** An account as the list shows it. */
    record AccountRow(Account account, boolean locked, String staff) {
    }

    @GetMapping("/quan-tri/tai-khoan")
    String list(Model model) {
        Viewer viewer = pages.board();
        model.addAttribute("accounts", accounts.all().stream().map(a -> new AccountRow(a, accounts.isLocked(a),
                a.staffId() == null ? null : directory.staffMember(a.staffId()).fullName())).toList());
        model.addAttribute("grantedRoles", GRANTED);
        model.addAttribute("staff", directory.staff(context.school(viewer).id()));
        model.addAttribute("changes", changes.latest(40));
        model.addAttribute("crumbs", List.of(Crumb.here("Tài khoản")));
        return "admin/accounts";
    }

    @PostMapping("/quan-tri/tai-khoan")
    String create(@RequestParam String username, @RequestParam String displayName, @RequestParam(required = false) Long staffId,
            @RequestParam(required = false) List<Role> role, RedirectAttributes flash) {
        Viewer viewer = pages.board();
        Actor by = pages.actor(viewer);
        String name = username == null ? "" : username.trim();
        try {
            String password = roles.temporaryPassword(name);
            accounts.create(name, password, displayName, staffId == null ? null : new StaffId(staffId), set(role), by);
            temporary.requireChange(name, by);
            shownOnce(flash, name, password, "Đã tạo tài khoản " + name + ".");
        } catch (Rejected e) {
            flash.addFlashAttribute("error", e.getMessage());
            flash.addFlashAttribute("typed", Map.of("username", name, "displayName", displayName == null ? "" : displayName));
        }
        return "redirect:/quan-tri/tai-khoan";
    }

    @PostMapping("/quan-tri/tai-khoan/{username}/dat-lai-mat-khau")
    String reset(@PathVariable String username, RedirectAttributes flash) {
        Viewer viewer = pages.board();
        try {
            String password = roles.temporaryPassword(username);
            temporary.reset(username, password, pages.actor(viewer));
            shownOnce(flash, username, password, "Đã đặt mật khẩu tạm thời mới cho " + username
                    + "; mọi phiên đăng nhập và mã API của người đó đã kết thúc.");
        } catch (Rejected e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/quan-tri/tai-khoan#tk-" + username;
    }

    @PostMapping("/quan-tri/tai-khoan/{username}/khoa")
    String lock(@PathVariable String username, RedirectAttributes flash) {
        Viewer viewer = pages.board();
        return pages.change(flash, "/quan-tri/tai-khoan#tk-" + username, Map.of(), () -> {
            accounts.setEnabled(username, false, pages.actor(viewer));
            return "Đã khoá tài khoản " + username + ": mọi phiên đăng nhập và mã API của người đó đã kết thúc.";
        });
    }

    @PostMapping("/quan-tri/tai-khoan/{username}/mo-khoa")
    String unlock(@PathVariable String username, RedirectAttributes flash) {
        Viewer viewer = pages.board();
        return pages.change(flash, "/quan-tri/tai-khoan#tk-" + username, Map.of(), () -> {
            Account account = accounts.byUsername(username).orElseThrow(() -> Rejected.notFound("Không có tài khoản " + username + "."));
            if (!account.enabled()) {
                accounts.setEnabled(username, true, pages.actor(viewer));
            }
            accounts.unlock(username, pages.actor(viewer));
            return "Đã mở khoá tài khoản " + username + ".";
        });
    }

    @PostMapping("/quan-tri/tai-khoan/{username}/vai-tro")
    String roles(@PathVariable String username, @RequestParam(required = false) List<Role> role, RedirectAttributes flash) {
        Viewer viewer = pages.board();
        return pages.change(flash, "/quan-tri/tai-khoan#tk-" + username, Map.of(), () -> {
            roles.replace(username, set(role), pages.actor(viewer));
            return "Đã lưu vai trò của " + username + ".";
        });
    }

    /** The temporary password goes to the next page only (a flash attribute): never stored, never shown again. */
    private static void shownOnce(RedirectAttributes flash, String username, String password, String info) {
        flash.addFlashAttribute("info", info);
        flash.addFlashAttribute("newPassword", Map.of("username", username, "password", password));
    }

    private static Set<Role> set(List<Role> roles) {
        return roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }
}
