package vn.hocba.security;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditLog;
import vn.hocba.audit.AuditRecord;
import vn.hocba.common.Rejected;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.AcademicYear;
import vn.hocba.schoolyear.Staff;
import vn.hocba.schoolyear.StaffId;

/**
 * Links an account to a staff record, the person it belongs to: the account then has the
 * homeroom and teaching rights of that person's assignments. Its own audited action
 * (ACCOUNT_LINKED / ACCOUNT_UNLINKED), with two rules:
 * <ul>
 * <li>a staff record has at most one account (also a database constraint), so nobody gets a
 * second key to a teacher's classes;</li>
 * <li>an account holding the admin board role is never linked to a staff record that has
 * teaching or homeroom assignments (in any school year): the board sets up assignments, so it
 * must not be able to hold them. {@link AccessPolicy} also ignores assignments for such an
 * account, which covers assignments made after the link.</li>
 * </ul>
 * A teacher who also sits on the admin board uses two accounts: the teaching one linked to their
 * staff record, the admin board one unlinked.
 */
@Service
@Transactional
public class StaffLinks {

    private final JdbcClient jdbc;
    private final SchoolDirectory directory;
    private final AuditLog audit;

    public StaffLinks(JdbcClient jdbc, SchoolDirectory directory, AuditLog audit) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
    }

    /** Links {@code account} to {@code staff}; {@code by} is who does it (audited). */
    public void link(AccountId account, StaffId staff, Actor by) {
        Staff person = directory.staffMember(staff);
        String username = username(account);
        Optional<String> holder = jdbc.sql("select username from account where staff_id = ? and id <> ?")
                .params(staff.value(), account.value()).query(String.class).optional();
        if (holder.isPresent()) {
            throw Rejected.conflict("Cán bộ " + person.code() + " – " + person.fullName() + " đã có tài khoản "
                    + holder.get() + ". Mỗi cán bộ chỉ có một tài khoản: hãy dùng tài khoản đó (Ban quản trị có thể mở khoá, "
                    + "hoặc vô hiệu hoá nó trước khi liên kết tài khoản khác).");
        }
        if (holdsAdminBoard(account) && hasAssignments(person)) {
            throw Rejected.conflict("Tài khoản " + username + " thuộc Ban quản trị nên không được liên kết với cán bộ "
                    + person.code() + " – " + person.fullName() + ", người có phân công giảng dạy hoặc chủ nhiệm: "
                    + "Ban quản trị không nhận quyền nhập điểm. Hãy dùng một tài khoản không thuộc Ban quản trị cho người này.");
        }
        String before = currentStaff(account).map(this::describe).orElse(null);
        jdbc.sql("update account set staff_id = ? where id = ?").params(staff.value(), account.value()).update();
        audit.append(new AuditRecord(by, "ACCOUNT_LINKED", "account " + username, before, describe(staff), null, null));
    }

    /** Removes the link of {@code account}: it keeps its granted roles and loses the assignments' rights. */
    public void unlink(AccountId account, Actor by) {
        String username = username(account);
        Optional<StaffId> staff = currentStaff(account);
        if (staff.isPresent()) {
            jdbc.sql("update account set staff_id = null where id = ?").param(account.value()).update();
            audit.append(new AuditRecord(by, "ACCOUNT_UNLINKED", "account " + username, describe(staff.get()), null, null, null));
        }
    }

    boolean hasAssignments(Staff person) {
        for (AcademicYear year : directory.years(directory.schoolOf(person.id()))) {
            if (!directory.teachingAssignmentsOfTeacher(person.id(), year.id()).isEmpty()
                    || directory.homeroomAssignments(year.id()).stream().anyMatch(h -> h.teacher().id().equals(person.id()))) {
                return true;
            }
        }
        return false;
    }

    private boolean holdsAdminBoard(AccountId account) {
        return jdbc.sql("select count(*) from account_role where account_id = ? and role = ?")
                .params(account.value(), Role.ADMIN_BOARD.name()).query(Long.class).single() > 0;
    }

    private String username(AccountId account) {
        return jdbc.sql("select username from account where id = ?").param(account.value()).query(String.class).optional()
                .orElseThrow(() -> Rejected.notFound("Không có tài khoản mã số " + account.value() + "."));
    }

    private Optional<StaffId> currentStaff(AccountId account) {
        return jdbc.sql("select staff_id from account where id = ? and staff_id is not null").param(account.value())
                .query(Long.class).optional().map(StaffId::new);
    }

    private String describe(StaffId staff) {
        Staff person = directory.staffMember(staff);
        return "staff " + person.code() + " " + person.fullName();
    }
}
