package vn.hocba.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Issue 13 item 5: one staff record has at most one account; linking an account to a staff record
 * is its own audited action, and the admin board never gets teaching rights through it.
 */
class AccountStaffLinkOnPostgresTest extends AccountsOnPostgres {

    @Autowired
    AccountLinkRepairs repairs;

    @Test
    void theAdminBoardCannotCreateASecondAccountOnATeachersStaffRecord() {
        Reply refused = post(token("quantri"), "/api/accounts", account("gv01.ban.sao", "Sổ điểm Hai Không", gv("gv01"), List.of()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.detail()).contains("đã có tài khoản gv01");
        assertThat(jdbc.sql("select count(*) from account where username = 'gv01.ban.sao'").query(Long.class).single()).isZero();
        assertThat(tokenRequest("gv01.ban.sao", "Sổ điểm Hai Không", "127.0.0.1").status()).isEqualTo(401);
    }

    @Test
    void noAccountIsNamedAfterTheSchoolSealsCertificates() {
        // The seal's certificates are registered under this name: such an account would see them as its own
        // certificates and remove them for good ("Gỡ"; a removed certificate is never registered again).
        Reply refused = post(token("quantri"), "/api/accounts", account("school-seal", "Sổ điểm Con Dấu 1",
                null, List.of("CLERK")));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.detail()).contains("dành cho chứng thư số con dấu của trường");
        assertThat(jdbc.sql("select count(*) from account where username = ?").param("school-seal")
                .query(Long.class).single()).isZero();
    }

    @Test
    void theDatabaseItselfRefusesTwoAccountsOnOneStaffRecord() {
        assertThatThrownBy(() -> jdbc.sql("insert into account (username, password_hash, staff_id, display_name, enabled, "
                + "failed_logins) values ('gv02.ban.sao', 'x', ?, 'Bản sao', true, 0)").param(gv("gv02")).update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void linkingAnAccountToANewTeacherIsAnAuditedActionOfItsOwn() {
        String admin = token("quantri");
        long staff = newStaff(admin, "GV90");
        assertThat(post(admin, "/api/accounts", account("gv90", "Sổ điểm Chín Mươi", null, List.of())).status()).isEqualTo(201);
        Reply linked = put(admin, "/api/accounts/gv90/staff", Map.of("staffId", staff));
        assertThat(linked.status()).as(linked.toString()).isEqualTo(204);
        assertThat(staffIdOf("gv90")).isEqualTo(staff);
        assertThat(auditEntries("ACCOUNT_LINKED", "account gv90")).isEqualTo(1);

        assertThat(put(admin, "/api/accounts/gv03/staff", Map.of("staffId", staff)).status())
                .as("another account on the same staff record").isEqualTo(409);
    }

    @Test
    void anAdminBoardAccountIsNeverLinkedToATeacher() {
        String admin = token("quantri");
        long staff = newStaff(admin, "GV91");
        long newClass = newClass(admin, "6A9");
        assertThat(put(admin, "/api/setup/classes/" + newClass + "/homeroom", Map.of("staffId", staff)).status()).isEqualTo(200);

        Reply created = post(admin, "/api/accounts", account("gv91.qt", "Sổ điểm Chín Mốt", staff, List.of("ADMIN_BOARD")));
        assertThat(created.status()).isEqualTo(409);
        assertThat(created.detail()).contains("Ban quản trị");
        assertThat(post(admin, "/api/accounts", account("ban.qt.2", "Sổ điểm Chín Mốt", null, List.of("ADMIN_BOARD")))
                .status()).isEqualTo(201);
        assertThat(put(admin, "/api/accounts/ban.qt.2/staff", Map.of("staffId", staff)).status()).isEqualTo(409);
        assertThat(staffIdOf("quantri")).isNotEqualTo(staff);
    }

    @Test
    void anAdminBoardAccountGetsNoTeachingRightsFromAssignmentsMadeAfterTheLink() {
        String admin = token("quantri");
        long ownStaff = staffIdOf("quantri");
        long newClass = newClass(admin, "7A9");
        assertThat(put(admin, "/api/setup/classes/" + newClass + "/homeroom", Map.of("staffId", ownStaff)).status()).isEqualTo(200);
        String roles = get(admin, "/api/me").body().path("roles").toString();
        assertThat(roles).contains("ADMIN_BOARD").doesNotContain("HOMEROOM_TEACHER");
        assertThat(get(admin, "/api/me").body().path("homerooms").size()).isZero();
    }

    @Test
    void linksTheMigrationRemovedAreWrittenToTheAuditLogOnce() {
        long removed = jdbc.sql("select id from account where username = 'gv25'").query(Long.class).single();
        long kept = jdbc.sql("select id from account where username = 'gv24'").query(Long.class).single();
        jdbc.sql("insert into account_link_repair (account_id, staff_id, kept_account_id) values (?, ?, ?)")
                .params(removed, staffIdOf("gv24"), kept).update();
        repairs.audit();
        repairs.audit();
        assertThat(auditEntries("ACCOUNT_UNLINKED", "account gv25")).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from account_link_repair").query(Long.class).single()).isZero();
    }

    private long gv(String username) {
        return staffIdOf(username);
    }

    private long newStaff(String admin, String code) {
        Reply created = post(admin, "/api/setup/staff", Map.of("code", code, "fullName", "Giáo viên " + code, "position", "TEACHER"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().path("id").asLong();
    }

    private long newClass(String admin, String code) {
        long year = get(admin, "/api/school").body().path("activeYear").path("id").asLong();
        Reply created = post(admin, "/api/setup/years/" + year + "/classes", Map.of("code", code, "grade", Integer.parseInt(code.substring(0, 1))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().path("id").asLong();
    }

    private static Map<String, Object> account(String username, String password, Long staffId, List<String> roles) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("password", password);
        body.put("displayName", "Tài khoản " + username);
        body.put("staffId", staffId);
        body.put("roles", roles);
        return body;
    }
}
