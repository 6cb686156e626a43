package vn.hocba.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import vn.hocba.audit.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Login as people meet it: the form with CSRF, lockout after five wrong passwords, bcrypt hashes, API tokens. */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {"hocba.demo.enabled=false", "spring.datasource.url=jdbc:h2:mem:login;DB_CLOSE_DELAY=-1"})
class LoginTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Value("${server.servlet.session.timeout}")
    String sessionTimeout;

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightPassword() throws Exception {
        accounts.create("khoa.thu", "dung-mat-khau", "Khoá Thử", null, EnumSet.of(Role.CLERK), Actor.system("test"));
        for (int i = 0; i < Accounts.MAX_FAILED_LOGINS; i++) {
            assertThat(login("khoa.thu", "sai-mat-khau").getRedirectedUrl()).endsWith("/login?error=bad");
        }
        assertThat(login("khoa.thu", "dung-mat-khau").getRedirectedUrl()).endsWith("/login?error=locked");
        String page = mvc.perform(get("/login").param("error", "locked")).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("tạm khoá 15 phút");
    }

    @Test
    void theRightPasswordLogsInAndResetsTheFailureCount() throws Exception {
        accounts.create("dang.nhap", "dung-mat-khau", "Đăng Nhập", null, EnumSet.of(Role.CLERK), Actor.system("test"));
        login("dang.nhap", "sai-mat-khau");
        assertThat(login("dang.nhap", "dung-mat-khau").getRedirectedUrl()).isEqualTo("/");
        assertThat(accounts.byUsername("dang.nhap").orElseThrow().failedLogins()).isZero();
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        accounts.create("bam.mat", "mat-khau-bi-mat", "Băm Mật", null, EnumSet.of(Role.CLERK), Actor.system("test"));
        String stored = jdbc.sql("select password_hash from account where username = 'bam.mat'").query(String.class).single();
        assertThat(stored).startsWith("$2a$").doesNotContain("mat-khau-bi-mat");
    }

    @Test
    void aFormPostWithoutCsrfTokenIsRefused() throws Exception {
        accounts.create("csrf.thu", "dung-mat-khau", "CSRF Thử", null, EnumSet.of(Role.CLERK), Actor.system("test"));
        int status = mvc.perform(post("/login").param("username", "csrf.thu").param("password", "dung-mat-khau"))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(403);
    }

    @Test
    void apiTokensAuthenticateAndGarbageTokensDoNot() throws Exception {
        accounts.create("api.thu", "dung-mat-khau", "API Thử", null, EnumSet.of(Role.CLERK), Actor.system("test"));
        MockHttpServletResponse token = mvc.perform(post("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"api.thu\",\"password\":\"dung-mat-khau\"}")).andReturn().getResponse();
        String value = token.getContentAsString().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        assertThat(mvc.perform(get("/api/me").header("Authorization", "Bearer " + value)).andReturn().getResponse()
                .getContentAsString()).contains("api.thu");
        assertThat(mvc.perform(get("/api/me").header("Authorization", "Bearer " + value + "x")).andReturn().getResponse()
                .getStatus()).isEqualTo(401);
        assertThat(mvc.perform(post("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"api.thu\",\"password\":\"sai\"}")).andReturn().getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void theAdminBoardCreatesAndUnlocksAccountsAndNobodyElseCan() throws Exception {
        accounts.create("ban.quan.tri", "dung-mat-khau", "Ban Quản Trị", null, EnumSet.of(Role.ADMIN_BOARD), Actor.system("test"));
        accounts.create("van.thu.2", "dung-mat-khau", "Văn Thư", null, EnumSet.of(Role.CLERK), Actor.system("test"));
        String admin = token("ban.quan.tri");
        String body = "{\"username\":\"gv.moi\",\"password\":\"mat-khau-moi-1\",\"displayName\":\"Giáo Viên Mới\",\"roles\":[]}";
        assertThat(mvc.perform(post("/api/accounts").header("Authorization", "Bearer " + token("van.thu.2"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/api/accounts").header("Authorization", "Bearer " + admin)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getStatus()).isEqualTo(201);
        assertThat(token("gv.moi")).isNotBlank();
        String list = mvc.perform(get("/api/accounts").header("Authorization", "Bearer " + admin)).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(list).contains("gv.moi").doesNotContain("$2a$");
        for (int i = 0; i < Accounts.MAX_FAILED_LOGINS; i++) {
            login("gv.moi", "sai");
        }
        assertThat(login("gv.moi", "mat-khau-moi-1").getRedirectedUrl()).endsWith("error=locked");
        mvc.perform(post("/api/accounts/gv.moi/unlock").header("Authorization", "Bearer " + admin));
        // unlocked, the login works; the admin board gave a temporary password, so it opens the change-password page
        assertThat(login("gv.moi", "mat-khau-moi-1").getRedirectedUrl()).isEqualTo("/tai-khoan/mat-khau?lan-dau");
        assertThat(jdbc.sql("select count(*) from audit_entry where action in ('ACCOUNT_CREATED', 'ACCOUNT_LOCKED', 'ACCOUNT_UNLOCKED') "
                + "and target = 'account gv.moi'").query(Long.class).single()).isEqualTo(3);
    }

    private String token(String user) throws Exception {
        return mvc.perform(post("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + user + "\",\"password\":\"" + (user.equals("gv.moi") ? "mat-khau-moi-1" : "dung-mat-khau")
                        + "\"}")).andReturn().getResponse().getContentAsString().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void parallelWrongPasswordsAreCountedAtomicallyOnH2Too() throws Exception {
        accounts.create("song.song", "dung-mat-khau", "Song Song", null, EnumSet.of(Role.CLERK), Actor.system("test"));
        var pool = Executors.newFixedThreadPool(20);
        try {
            var start = new CountDownLatch(1);
            var statuses = new java.util.ArrayList<Future<Integer>>();
            for (int i = 0; i < 20; i++) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(post("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"username\":\"song.song\",\"password\":\"sai-mat-khau\"}")).andReturn().getResponse().getStatus();
                }));
            }
            start.countDown();
            int checked = 0;
            for (var status : statuses) {
                checked += status.get() == 401 ? 1 : 0;
            }
            assertThat(checked).isEqualTo(Accounts.MAX_FAILED_LOGINS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(mvc.perform(post("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"song.song\",\"password\":\"dung-mat-khau\"}")).andReturn().getResponse().getStatus())
                .isEqualTo(403);
    }

    /** Attack 28: whether a username exists was told by the sixth wrong password (locked or not); now alike. */
    @Test
    void aNameWithoutAccountIsLockedOutAfterFiveWrongPasswordsLikeARealOne() throws Exception {
        accounts.create("co.that", "dung-mat-khau", "Có Thật", null, EnumSet.of(Role.CLERK), Actor.system("test"));
        for (String name : java.util.List.of("co.that", "khong.co.ai")) {
            for (int i = 0; i < Accounts.MAX_FAILED_LOGINS; i++) {
                MockHttpServletResponse wrong = tokenReply(name, "sai-mat-khau");
                assertThat(wrong.getStatus()).as(name + " attempt " + (i + 1)).isEqualTo(401);
                assertThat(wrong.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("Sai tên đăng nhập hoặc mật khẩu");
            }
            MockHttpServletResponse sixth = tokenReply(name, "sai-mat-khau");
            assertThat(sixth.getStatus()).as(name).isEqualTo(403);
            assertThat(sixth.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).as(name).contains("tạm khoá 15 phút");
            assertThat(login(name, "sai-mat-khau").getRedirectedUrl()).as(name).endsWith("/login?error=locked");
        }
    }

    /** Attack 28: a disabled account answered "disabled" to any password, so a wrong one confirmed the name. */
    @Test
    void aDisabledAccountIsSaidToBeDisabledOnlyToWhoeverTypedItsPassword() throws Exception {
        accounts.create("da.nghi", "dung-mat-khau", "Đã Nghỉ", null, EnumSet.of(Role.CLERK), Actor.system("test"));
        accounts.setEnabled("da.nghi", false, Actor.system("test"));
        MockHttpServletResponse wrong = tokenReply("da.nghi", "sai-mat-khau");
        assertThat(wrong.getStatus()).isEqualTo(401);
        assertThat(wrong.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("Sai tên đăng nhập hoặc mật khẩu")
                .doesNotContain("vô hiệu hoá");
        MockHttpServletResponse right = tokenReply("da.nghi", "dung-mat-khau");
        assertThat(right.getStatus()).isEqualTo(403);
        assertThat(right.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("vô hiệu hoá");
        assertThat(login("da.nghi", "dung-mat-khau").getRedirectedUrl()).endsWith("/login?error=bad");
    }

    /** Attack 28: the API description is for account holders (session or bearer token), not for whoever finds the server. */
    @Test
    void theApiDescriptionNeedsAnAccount() throws Exception {
        for (String path : java.util.List.of("/v3/api-docs", "/swagger-ui.html", "/swagger-ui/index.html")) {
            MockHttpServletResponse anonymous = mvc.perform(get(path)).andReturn().getResponse();
            assertThat(anonymous.getStatus()).as(path).isEqualTo(302);
            assertThat(anonymous.getRedirectedUrl()).as(path).endsWith("/login");
        }
        accounts.create("doc.api", "dung-mat-khau", "Đọc API", null, EnumSet.of(Role.CLERK), Actor.system("test"));
        MockHttpServletResponse docs = mvc.perform(get("/v3/api-docs").header("Authorization", "Bearer "
                + tokenOf("doc.api", "dung-mat-khau"))).andReturn().getResponse();
        assertThat(docs.getStatus()).isEqualTo(200);
        assertThat(docs.getContentAsString()).contains("/api/auth/token");
    }

    private MockHttpServletResponse tokenReply(String user, String password) throws Exception {
        return mvc.perform(post("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}")).andReturn().getResponse();
    }

    @Test
    void sessionsExpireAfterThirtyIdleMinutes() {
        assertThat(sessionTimeout).isEqualTo("30m");
    }

    /** Issue 13 item 20: any "Bearer" header used to switch CSRF off, so a cross-site form could add one and ride the session. */
    @Test
    void aSessionRequestWithAnInvalidBearerTokenStillNeedsItsCsrfToken() throws Exception {
        accounts.create("bqt.csrf", "dung-mat-khau", "Ban Quản Trị", null, EnumSet.of(Role.ADMIN_BOARD), Actor.system("test"));
        org.springframework.mock.web.MockHttpSession session = (org.springframework.mock.web.MockHttpSession) mvc.perform(
                post("/login").param("username", "bqt.csrf").param("password", "dung-mat-khau").with(csrf()))
                .andReturn().getRequest().getSession(false);
        String body = "{\"username\":\"gv.csrf\",\"password\":\"mat-khau-moi-1\",\"displayName\":\"Giáo Viên\",\"roles\":[]}";
        int forged = mvc.perform(post("/api/accounts").session(session).header("Authorization", "Bearer khong-phai-token")
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getStatus();
        assertThat(forged).isEqualTo(403);
        assertThat(accounts.byUsername("gv.csrf")).isEmpty();
        // The same session with its CSRF token, and a valid bearer token without one, are fine.
        assertThat(mvc.perform(post("/api/accounts").session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andReturn().getResponse().getStatus()).isEqualTo(201);
        assertThat(mvc.perform(post("/api/accounts").header("Authorization", "Bearer " + tokenOf("bqt.csrf", "dung-mat-khau"))
                .contentType(MediaType.APPLICATION_JSON).content(body.replace("gv.csrf", "gv.csrf2"))).andReturn().getResponse()
                .getStatus()).isEqualTo(201);
    }

    /** Issue 13 item 20: pages say where scripts, styles and forms may come from, and leak no address to other sites. */
    @Test
    void pagesCarryAContentSecurityPolicyAndAReferrerPolicy() throws Exception {
        for (String page : new String[] {"/login", "/xac-minh/tep"}) {
            MockHttpServletResponse response = mvc.perform(get(page)).andReturn().getResponse();
            assertThat(response.getHeader("Content-Security-Policy")).as(page)
                    .contains("default-src 'self'").contains("script-src 'self'").contains("object-src 'none'")
                    .contains("frame-ancestors 'none'").contains("form-action 'self'").doesNotContain("unsafe");
            assertThat(response.getHeader("Referrer-Policy")).as(page).isEqualTo("same-origin");
        }
    }

    private String tokenOf(String user, String password) throws Exception {
        return mvc.perform(post("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}")).andReturn().getResponse()
                .getContentAsString().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    private MockHttpServletResponse login(String user, String password) throws Exception {
        return mvc.perform(post("/login").param("username", user).param("password", password).with(csrf()))
                .andReturn().getResponse();
    }
}
