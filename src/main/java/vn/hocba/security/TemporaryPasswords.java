package vn.hocba.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditLog;
import vn.hocba.audit.AuditRecord;
import vn.hocba.common.Rejected;

/**
 * Passwords chosen by someone else: an account the admin board creates, or whose password it resets,
 * gets a temporary password that its owner must replace at the next login (the pages send them to
 * the change-password page until they do). Changing one's own password clears the mark
 * ({@link Accounts#replacePassword}). Both actions are audited.
 */
@Service
@Transactional
public class TemporaryPasswords {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwords;
    private final ApiTokens tokens;
    private final AuditLog audit;

    TemporaryPasswords(JdbcClient jdbc, Accounts accounts, PasswordPolicy policy, PasswordEncoder passwords,
            ApiTokens tokens, AuditLog audit) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.policy = policy;
        this.passwords = passwords;
        this.tokens = tokens;
        this.audit = audit;
    }

    /** The owner of {@code username} must choose a new password at the next login (after the admin board created it). */
    public void requireChange(String username, Actor by) {
        Account account = account(username);
        jdbc.sql("update account set must_change_password = true where id = ?").param(account.id().value()).update();
        audit.append(new AuditRecord(by, "PASSWORD_TEMPORARY", "account " + username, null,
                "must change the password at the next login", null, null));
    }

    /**
     * The admin board gives {@code username} a new temporary password (the person forgot theirs): it
     * must pass {@link PasswordPolicy}, every token of the person is revoked, every session ends, and the
     * person must change it at the next login.
     */
    public void reset(String username, String temporaryPassword, Actor by) {
        Account account = account(username);
        policy.check(username, temporaryPassword);
        jdbc.sql("update account set password_hash = ?, must_change_password = true where id = ?")
                .params(passwords.encode(temporaryPassword), account.id().value()).update();
        tokens.revokeAll(account.id());
        audit.append(new AuditRecord(by, "PASSWORD_RESET", "account " + username, null,
                "temporary password, must change it at the next login", "every token revoked, every session ended", null));
    }

    /** True while the account still has a password someone else chose. */
    public boolean mustChange(AccountId account) {
        return jdbc.sql("select must_change_password from account where id = ?").param(account.value())
                .query(Boolean.class).optional().orElse(false);
    }

    private Account account(String username) {
        return accounts.byUsername(username).orElseThrow(() -> Rejected.notFound("Không có tài khoản " + username + "."));
    }
}
