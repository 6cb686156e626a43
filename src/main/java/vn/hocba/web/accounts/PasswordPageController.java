package vn.hocba.web.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.hocba.audit.Actor;
import vn.hocba.common.Rejected;
import vn.hocba.security.AccessPolicy;
import vn.hocba.security.Account;
import vn.hocba.security.PasswordChanges;
import vn.hocba.security.TemporaryPasswords;
import vn.hocba.web.Crumb;

/**
 * "Đổi mật khẩu" (issue 14, item 13): the current password, the new one twice. The same policy and
 * audit as {@code PUT /api/me/password} ({@link PasswordChanges}): a wrong current password counts
 * as a failed login, every token is revoked and every session ends, so the person logs in again
 * with the new password. A person with a temporary password is sent here first ({@link FirstLogin}).
 */
@Controller
class PasswordPageController {

    static final String PATH = "/tai-khoan/mat-khau";

    private final AccessPolicy access;
    private final PasswordChanges changes;
    private final TemporaryPasswords temporary;

    PasswordPageController(AccessPolicy access, PasswordChanges changes, TemporaryPasswords temporary) {
        this.access = access;
        this.changes = changes;
        this.temporary = temporary;
    }

    @GetMapping(PATH)
    String form(Model model) {
        return page(model, access.current().account(), null);
    }

    @PostMapping(PATH)
    String change(@RequestParam(required = false) String currentPassword, @RequestParam(required = false) String newPassword,
            @RequestParam(required = false) String repeatPassword, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Account account = access.current().account();
        if (newPassword != null && !newPassword.equals(repeatPassword)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, account, "Mật khẩu nhập lại không khớp với mật khẩu mới; mật khẩu không thay đổi.");
        }
        try {
            changes.change(account, currentPassword, newPassword, new Actor(account.username(), null, request.getRemoteAddr()));
        } catch (Rejected refused) {
            response.setStatus(refused.reason() == Rejected.Reason.FORBIDDEN ? 403 : 400);
            return page(model, account, refused.getMessage());
        }
        // Every session of the person has ended (SessionAccountCheck); this one too, at once.
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return "redirect:/login?doi-mat-khau";
    }

    private String page(Model model, Account account, String error) {
        model.addAttribute("username", account.username());
        model.addAttribute("temporary", temporary.mustChange(account.id()));
        model.addAttribute("error", error);
        model.addAttribute("crumbs", java.util.List.of(Crumb.here("Tài khoản"), Crumb.here("Đổi mật khẩu")));
        return "password";
    }
}
