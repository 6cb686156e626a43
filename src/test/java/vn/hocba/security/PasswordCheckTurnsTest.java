package vn.hocba.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import vn.hocba.audit.Actor;
import vn.hocba.support.HeldTurn;

/**
 * Attack 30: a login with a name that has no account costs a bcrypt comparison (against a dummy hash, so that it
 * takes as long as a real one) and ever-new names are never locked out, so eight anonymous clients took both cores
 * from the pages. Comparisons take turns: with every turn taken, a login is told to try again in a moment — the
 * page says so, the token endpoint answers 503 with Retry-After — and its password is not compared nor counted.
 */
@SpringBootTest(properties = {"hocba.demo.enabled=false", "spring.datasource.url=jdbc:h2:mem:password-turns;DB_CLOSE_DELAY=-1",
    "hocba.login.parallel-checks=1", "hocba.login.check-wait=200ms"})
@AutoConfigureMockMvc
class PasswordCheckTurnsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    PasswordCheckTurns turns;

    @Test
    void withEveryTurnTakenALoginIsToldToComeBackAndItsPasswordIsNotCounted() throws Exception {
        accounts.create("luot.thu", "dung-mat-khau", "Lượt Thử", null, EnumSet.of(Role.CLERK), Actor.system("test"));
        try (HeldTurn held = HeldTurn.hold(work -> turns.take(() -> {
            work.run();
            return null;
        }))) {
            MockHttpServletResponse form = mvc.perform(post("/login").param("username", "luot.thu")
                    .param("password", "sai-mat-khau").with(csrf())).andReturn().getResponse();
            assertThat(form.getRedirectedUrl()).endsWith("/login?error=busy");
            assertThat(mvc.perform(get("/login").param("error", "busy")).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8)).contains("quá nhiều lượt đăng nhập cùng lúc");

            MockHttpServletResponse api = mvc.perform(post("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"username\":\"khong.co.ten.nay\",\"password\":\"doan-thu\"}")).andReturn().getResponse();
            assertThat(api.getStatus()).isEqualTo(503);
            assertThat(api.getHeader("Retry-After")).isEqualTo("30");
            assertThat(api.getContentAsString(StandardCharsets.UTF_8)).contains("mật khẩu của bạn chưa được kiểm tra");
            assertThat(accounts.byUsername("luot.thu").orElseThrow().failedLogins())
                    .as("a password not compared is not a wrong password").isZero();
        }
        assertThat(mvc.perform(post("/login").param("username", "luot.thu").param("password", "dung-mat-khau").with(csrf()))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/");
    }
}
