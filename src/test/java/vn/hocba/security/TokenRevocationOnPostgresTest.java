package vn.hocba.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import vn.hocba.audit.Actor;

/**
 * Issue 13 item 15: a bearer token ends when it is deleted, when its owner logs out or changes the
 * password, and when the admin board disables the account; a session also ends when the admin board changes
 * the account's roles (what its rights come from).
 */
class TokenRevocationOnPostgresTest extends AccountsOnPostgres {

    /** Read by school-wide roles only (the clerk among them). */
    private static final String SCHOOL_WIDE = "/api/school/seal-certificates";

    @Autowired
    AccountRoles roles;

    @Test
    void deletingTheCurrentTokenRevokesItAndOnlyIt() {
        String first = token("gv15");
        String second = token("gv15");
        assertThat(send(first, MockMvcRequestBuilders.delete("/api/auth/token")).status()).isEqualTo(204);
        assertThat(get(first, "/api/me").status()).isEqualTo(401);
        assertThat(get(second, "/api/me").status()).isEqualTo(200);
    }

    @Test
    void loggingOutRevokesEveryTokenOfThePerson() throws Exception {
        String token = token("gv16");
        MockHttpSession session = formLogin("gv16", DEMO_PASSWORD, "127.0.0.1");
        mvc.perform(MockMvcRequestBuilders.post("/logout").session(session).with(csrf()));
        assertThat(get(token, "/api/me").status()).isEqualTo(401);
    }

    @Test
    void changingThePasswordRevokesTokensAndEndsSessions() throws Exception {
        String used = token("gv17");
        String other = token("gv17");
        MockHttpSession session = formLogin("gv17", DEMO_PASSWORD, "127.0.0.1");
        Reply changed = put(used, "/api/me/password", Map.of("currentPassword", DEMO_PASSWORD,
                "newPassword", "Sổ điểm 17 mới"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
        assertThat(get(used, "/api/me").status()).isEqualTo(401);
        assertThat(get(other, "/api/me").status()).isEqualTo(401);
        assertThat(statusInSession(session, "/api/me")).isEqualTo(401);
        assertThat(tokenRequest("gv17", DEMO_PASSWORD, "127.0.0.1").status()).isEqualTo(401);
        assertThat(get(token("gv17", "Sổ điểm 17 mới", "127.0.0.1"), "/api/me").status()).isEqualTo(200);
        assertThat(auditEntries("PASSWORD_CHANGED", "account gv17")).isEqualTo(1);
    }

    @Test
    void aWrongCurrentPasswordChangesNothing() {
        String token = token("gv19");
        Reply refused = put(token, "/api/me/password", Map.of("currentPassword", "khong-dung-dau",
                "newPassword", "Sổ điểm 19 mới"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.detail()).contains("Mật khẩu hiện tại không đúng");
        assertThat(get(token, "/api/me").status()).isEqualTo(200);
    }

    @Test
    void disablingAnAccountRevokesItsTokensAndSessions() throws Exception {
        String admin = token("quantri");
        String token = token("gv18");
        MockHttpSession session = formLogin("gv18", DEMO_PASSWORD, "127.0.0.1");
        assertThat(post(admin, "/api/accounts/gv18/disable", Map.of()).status()).isEqualTo(204);
        assertThat(get(token, "/api/me").status()).isEqualTo(401);
        assertThat(statusInSession(session, "/api/me")).isEqualTo(401);
        assertThat(tokenRequest("gv18", DEMO_PASSWORD, "127.0.0.1").status()).isEqualTo(403);
        assertThat(auditEntries("ACCOUNT_DISABLED", "account gv18")).isEqualTo(1);

        assertThat(post(admin, "/api/accounts/gv18/enable", Map.of()).status()).isEqualTo(204);
        assertThat(get(token("gv18"), "/api/me").status()).isEqualTo(200);
        assertThat(get(token, "/api/me").status()).as("a revoked token stays revoked").isEqualTo(401);
    }

    @Test
    void aRoleTakenAwayByTheAdminBoardEndsTheSessionsThatStillHoldIt() throws Exception {
        MockHttpSession session = formLogin("vanthu", DEMO_PASSWORD, "127.0.0.1");
        String token = token("vanthu");
        assertThat(statusInSession(session, SCHOOL_WIDE)).as("the clerk reads what is the school's").isEqualTo(200);
        Actor board = new Actor("quantri", Role.ADMIN_BOARD.name(), null);
        try {
            roles.replace("vanthu", EnumSet.noneOf(Role.class), board);
            // The session's account was read at the login, with the clerk's role: it must not keep it.
            assertThat(statusInSession(session, SCHOOL_WIDE)).isEqualTo(401);
            assertThat(get(token, SCHOOL_WIDE).status()).as("a token reads the account anew").isEqualTo(403);
        } finally {
            roles.replace("vanthu", EnumSet.of(Role.CLERK), board);
        }
        MockHttpSession again = formLogin("vanthu", DEMO_PASSWORD, "127.0.0.1");
        assertThat(statusInSession(again, SCHOOL_WIDE)).isEqualTo(200);
    }

    @Test
    void onlyTheAdminBoardDisablesAccountsAndNotItsOwn() {
        assertThat(post(token("gv20"), "/api/accounts/gv21/disable", Map.of()).status()).isEqualTo(403);
        Reply own = post(token("quantri"), "/api/accounts/quantri/disable", Map.of());
        assertThat(own.status()).isEqualTo(409);
        assertThat(get(token("gv21"), "/api/me").status()).isEqualTo(200);
    }

    @Test
    void aTemporaryPasswordGivesNoApiTokenSoWhoeverSetItCannotUseTheAccount() {
        String temporary = "Cay-Bang-Truoc-San-47";
        assertThat(post(token("quantri"), "/api/accounts/gv09/password", Map.of("password", temporary)).status())
                .isEqualTo(204);
        Reply refused = tokenRequest("gv09", temporary, "127.0.0.1");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.detail()).isEqualTo("Mật khẩu của tài khoản gv09 là mật khẩu tạm do Ban quản trị cấp: hãy đăng "
                + "nhập trên trang web và đổi mật khẩu trước khi dùng API.");
        assertThat(jdbc.sql("select count(*) from api_token t join account a on a.id = t.account_id where a.username = 'gv09'")
                .query(Long.class).single()).isZero();
    }
}
