package vn.hocba.security;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import vn.hocba.audit.Actor;
import vn.hocba.common.Rejected;

/**
 * A person changes their own password: the current one is checked like a login (the same
 * lockout counts a wrong one, so a forgotten session cannot be used to guess it), the new one
 * must pass {@link PasswordPolicy}, and then every token of the person is revoked and every
 * session ends ({@link SessionAccountCheck}); the person logs in again with the new password.
 */
@Service
public class PasswordChanges {

    private final Accounts accounts;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwords;
    private final LoginLockout lockout;

    PasswordChanges(Accounts accounts, PasswordPolicy policy, PasswordEncoder passwords, LoginLockout lockout) {
        this.accounts = accounts;
        this.policy = policy;
        this.passwords = passwords;
        this.lockout = lockout;
    }

    /** Changes the password of {@code account}; {@code by} carries the client's address. */
    public void change(Account account, String currentPassword, String newPassword, Actor by) {
        Account fresh = accounts.byId(account.id())
                .orElseThrow(() -> Rejected.notFound("Không có tài khoản " + account.username() + "."));
        if (currentPassword == null || currentPassword.isEmpty()) {
            throw Rejected.invalid("Thiếu mật khẩu hiện tại (currentPassword).");
        }
        policy.check(fresh.username(), newPassword);
        if (newPassword.equals(currentPassword)) {
            throw Rejected.invalid("Mật khẩu mới phải khác mật khẩu hiện tại.");
        }
        LoginLockout.Attempt attempt = lockout.claim(fresh, by.clientAddress()).orElseThrow(() -> Rejected.forbidden(
                "Tài khoản tạm khoá 15 phút do nhập sai mật khẩu nhiều lần. Hãy thử lại sau hoặc liên hệ Ban quản trị."));
        if (!passwords.matches(currentPassword, fresh.passwordHash())) {
            lockout.failed(attempt);
            throw Rejected.invalid("Mật khẩu hiện tại không đúng; mật khẩu không thay đổi.");
        }
        lockout.succeeded(attempt);
        accounts.replacePassword(fresh, newPassword, by);
    }
}
