package vn.hocba.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditLog;
import vn.hocba.audit.AuditRecord;
import vn.hocba.common.Rejected;
import vn.hocba.schoolyear.StaffId;
import vn.hocba.common.TypedText;

/**
 * Creates accounts and keeps their state: password, enabled, lockout (counted by {@link LoginLockout}).
 * Linking an account to a staff record is {@link StaffLinks}' audited action.
 */
@Service
@Transactional
public class Accounts {

    /**
     * The name the school seal's certificates are registered under (signing's {@code RegisteredCertificate.SCHOOL_SEAL}
     * is this): never an account's, which would list them as its own certificates and could remove them, for good,
     * through "Gỡ".
     */
    public static final String SEAL_REGISTRY_NAME = "school-seal";

    /** Failed logins in a row from one address that lock the account for that address. */
    static final int MAX_FAILED_LOGINS = 5;
    /** How long a lockout lasts. */
    static final Duration LOCKOUT = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final PasswordPolicy policy;
    private final StaffLinks links;
    private final ApiTokens tokens;
    private final LoginLockout lockout;

    public Accounts(JdbcClient jdbc, PasswordEncoder passwords, AuditLog audit, PasswordPolicy policy,
            StaffLinks links, ApiTokens tokens, LoginLockout lockout) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
        this.policy = policy;
        this.links = links;
        this.tokens = tokens;
        this.lockout = lockout;
    }

    /**
     * Creates an account; {@code by} is who creates it (audited). A {@code staff} record given here
     * is linked by {@link StaffLinks#link} as a second, separately audited action with its rules.
     */
    public AccountId create(String username, String rawPassword, String displayName, StaffId staff, Set<Role> roles,
            Actor by) {
        if (username == null || !username.matches("[a-z0-9._-]{3,50}")) {
            throw Rejected.invalid("Tên đăng nhập \"" + username + "\" không hợp lệ: 3–50 ký tự a-z, 0-9, '.', '_' hoặc '-'.");
        }
        displayName = TypedText.optional(displayName, "họ tên người dùng của tài khoản " + username, 100);
        if (displayName == null) {
            throw Rejected.invalid("Thiếu họ tên người dùng của tài khoản " + username + ".");
        }
        policy.check(username, rawPassword);
        if (roles.stream().anyMatch(r -> !r.isGranted())) {
            throw Rejected.invalid("Vai trò giáo viên chủ nhiệm và giáo viên bộ môn đến từ phân công, không gán trực tiếp cho tài khoản.");
        }
        if (SEAL_REGISTRY_NAME.equals(username)) {
            throw Rejected.invalid("Tên đăng nhập \"" + username + "\" dành cho chứng thư số con dấu của trường, không đặt "
                    + "cho tài khoản; hãy chọn tên khác.");
        }
        if (byUsername(username).isPresent()) {
            throw Rejected.conflict("Tên đăng nhập " + username + " đã được dùng.");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into account (username, password_hash, staff_id, display_name, enabled, failed_logins) "
                + "values (?, ?, ?, ?, true, 0)")
                .params(username, passwords.encode(rawPassword), null, displayName)
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        for (Role role : roles) {
            jdbc.sql("insert into account_role (account_id, role) values (?, ?)").params(id, role.name()).update();
        }
        audit.append(new AuditRecord(by, "ACCOUNT_CREATED", "account " + username, null,
                displayName + " " + roles, null, null));
        if (staff != null) {
            links.link(new AccountId(id), staff, by);
        }
        return new AccountId(id);
    }

    public Optional<Account> byUsername(String username) {
        return jdbc.sql("select * from account where username = ?").param(username).query(this::row).optional();
    }

    public Optional<Account> byId(AccountId id) {
        return jdbc.sql("select * from account where id = ?").param(id.value()).query(this::row).optional();
    }

    /** The account of a staff member (the homeroom teacher of a class, say), if they have one. */
    public Optional<Account> byStaff(StaffId staff) {
        return jdbc.sql("select * from account where staff_id = ?").param(staff.value()).query(this::row).optional();
    }

    /** The enabled accounts that hold {@code role}. */
    public List<Account> withRole(Role role) {
        return jdbc.sql("select a.* from account a join account_role r on r.account_id = a.id where r.role = ? and a.enabled")
                .param(role.name()).query(this::row).list();
    }

    /** Every account, by username. */
    public List<Account> all() {
        return jdbc.sql("select * from account order by username").query(this::row).list();
    }

    /**
     * The account name of every staff member who has an account, in one query (no roles read): who signs for a
     * teaching assignment, sign-offs naming accounts.
     */
    public java.util.Map<StaffId, String> usernamesOfStaff() {
        java.util.Map<StaffId, String> names = new java.util.HashMap<>();
        jdbc.sql("select staff_id, username from account where staff_id is not null")
                .query(rs -> { names.put(new StaffId(rs.getLong(1)), rs.getString(2)); });
        return names;
    }

    /** Lifts a lockout before its 15 minutes are over (admin board, audited). */
    public void unlock(String username, Actor by) {
        Account account = byUsername(username)
                .orElseThrow(() -> Rejected.notFound("Không có tài khoản " + username + "."));
        // login_throttle before account: the order LoginLockout takes the row locks in.
        jdbc.sql("update login_throttle set failures = 0, locked_until = null where account_id = ?")
                .param(account.id().value()).update();
        jdbc.sql("update account set failed_logins = 0, locked_until = null where id = ?").param(account.id().value()).update();
        audit.append(new AuditRecord(by, "ACCOUNT_UNLOCKED", "account " + username, "locked", "unlocked", null, null));
    }

    public long count() {
        return jdbc.sql("select count(*) from account").query(Long.class).single();
    }

    /**
     * Disables or enables an account (admin board, audited). Disabling revokes its tokens and ends
     * its sessions (see {@link SessionAccountCheck}); nobody disables their own account.
     */
    public void setEnabled(String username, boolean enabled, Actor by) {
        Account account = byUsername(username)
                .orElseThrow(() -> Rejected.notFound("Không có tài khoản " + username + "."));
        if (!enabled && account.username().equals(by.username())) {
            throw Rejected.conflict("Không thể tự vô hiệu hoá tài khoản đang dùng (" + username + "); "
                    + "hãy nhờ một thành viên khác của Ban quản trị.");
        }
        jdbc.sql("update account set enabled = ? where id = ?").params(enabled, account.id().value()).update();
        if (!enabled) {
            tokens.revokeAll(account.id());
        }
        audit.append(new AuditRecord(by, enabled ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED", "account " + username,
                account.enabled() ? "enabled" : "disabled", enabled ? "enabled" : "disabled", null, null));
    }

    /** Sets a new password after {@link PasswordPolicy} and revokes every token of the account (audited). */
    void replacePassword(Account account, String rawPassword, Actor by) {
        policy.check(account.username(), rawPassword);
        // A password the person chose themselves: no longer a temporary one (TemporaryPasswords).
        jdbc.sql("update account set password_hash = ?, must_change_password = false where id = ?")
                .params(passwords.encode(rawPassword), account.id().value()).update();
        tokens.revokeAll(account.id());
        audit.append(new AuditRecord(by, "PASSWORD_CHANGED", "account " + account.username(), null, null,
                "every token revoked, every session ended", null));
    }

    /** True while some address, or every address the account never used, is locked out of it. */
    public boolean isLocked(Account account) {
        return lockout.isLocked(account);
    }

    private Account row(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        long staff = rs.getLong("staff_id");
        StaffId staffId = rs.wasNull() ? null : new StaffId(staff);
        OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
        return new Account(new AccountId(id), rs.getString("username"), rs.getString("password_hash"),
                rs.getString("display_name"), staffId, roles(id), rs.getBoolean("enabled"), rs.getInt("failed_logins"),
                locked == null ? null : locked.toInstant());
    }

    private Set<Role> roles(long accountId) {
        List<String> names = jdbc.sql("select role from account_role where account_id = ?").param(accountId)
                .query(String.class).list();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(name -> roles.add(Role.valueOf(name)));
        return roles;
    }
}
