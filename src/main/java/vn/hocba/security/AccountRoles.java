package vn.hocba.security;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditLog;
import vn.hocba.audit.AuditRecord;
import vn.hocba.common.Rejected;
import vn.hocba.schoolyear.SchoolDirectory;

/**
 * The roles an account holds, changed by the admin board (audited), and the temporary passwords it
 * hands out: generated here, shown once to the admin board member, stored only as a hash.
 */
@Service
@Transactional
public class AccountRoles {

    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final StaffLinks links;
    private final SchoolDirectory directory;
    private final PasswordPolicy policy;
    private final AuditLog audit;

    AccountRoles(JdbcClient jdbc, Accounts accounts, StaffLinks links, SchoolDirectory directory, PasswordPolicy policy,
            AuditLog audit) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.links = links;
        this.directory = directory;
        this.policy = policy;
        this.audit = audit;
    }

    /** Replaces the granted roles of {@code username}; teacher roles come from assignments and are refused here. */
    public void replace(String username, Set<Role> roles, Actor by) {
        Account account = accounts.byUsername(username).orElseThrow(() -> Rejected.notFound("Không có tài khoản " + username + "."));
        Set<Role> wanted = roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        if (wanted.stream().anyMatch(r -> !r.isGranted())) {
            throw Rejected.invalid("Vai trò giáo viên chủ nhiệm và giáo viên bộ môn đến từ phân công, không gán trực tiếp cho tài khoản.");
        }
        if (username.equals(by.username()) && account.roles().contains(Role.ADMIN_BOARD) && !wanted.contains(Role.ADMIN_BOARD)) {
            throw Rejected.conflict("Không thể tự bỏ vai trò Ban quản trị của tài khoản đang dùng (" + username
                    + "); hãy nhờ một thành viên khác của Ban quản trị.");
        }
        if (wanted.contains(Role.ADMIN_BOARD) && account.staffId() != null
                && links.hasAssignments(directory.staffMember(account.staffId()))) {
            throw Rejected.conflict("Tài khoản " + username + " liên kết với một cán bộ có phân công giảng dạy hoặc chủ nhiệm "
                    + "nên không nhận vai trò Ban quản trị: Ban quản trị không nhận quyền nhập điểm. Hãy tạo tài khoản riêng.");
        }
        jdbc.sql("delete from account_role where account_id = ?").param(account.id().value()).update();
        for (Role role : wanted) {
            jdbc.sql("insert into account_role (account_id, role) values (?, ?)").params(account.id().value(), role.name()).update();
        }
        audit.append(new AuditRecord(by, "ACCOUNT_ROLES_CHANGED", "account " + username, account.roles().toString(),
                wanted.toString(), null, null));
    }

    /** A new random temporary password (12 characters, no look-alike letters) that passes the password policy. */
    public String temporaryPassword(String username) {
        while (true) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String candidate = out.toString();
            if (candidate.chars().anyMatch(Character::isDigit) && candidate.chars().anyMatch(Character::isLetter)) {
                try {
                    policy.check(username, candidate);
                    return candidate;
                } catch (Rejected tooWeak) {
                    // drawn again: e.g. it happened to contain the username
                }
            }
        }
    }
}
