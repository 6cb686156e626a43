package vn.hocba.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hocba.support.AtOnce;
import org.springframework.mock.web.MockHttpSession;

/**
 * Issue 13 item 6: wrong passwords sent in parallel cannot exceed the limit, and nobody can lock a
 * person out of the addresses they use or end their sessions and tokens by guessing.
 */
class LoginLockoutOnPostgresTest extends AccountsOnPostgres {

    private static final int ATTACKERS = 40;

    @Test
    void fortyParallelWrongPasswordsAreCountedAtomicallyAndLockOnlyTheAttackersAddress() throws Exception {
        String victimAddress = "10.6.0.1";
        String attacker = "10.6.6.6";
        String victimToken = token("hieutruong", DEMO_PASSWORD, victimAddress);
        MockHttpSession victimSession = formLogin("hieutruong", DEMO_PASSWORD, victimAddress);
        assertThat(victimSession).isNotNull();

        List<Reply> replies = AtOnce.call(ATTACKERS, () -> tokenRequest("hieutruong", "doan-mat-khau", attacker));

        long checked = replies.stream().filter(r -> r.status() == 401).count();
        long refused = replies.stream().filter(r -> r.status() == 403 && r.detail().contains("tạm khoá")).count();
        assertThat(checked).as("passwords actually checked").isEqualTo(Accounts.MAX_FAILED_LOGINS);
        assertThat(refused).as("refused without checking the password").isEqualTo(ATTACKERS - Accounts.MAX_FAILED_LOGINS);
        assertThat(tokenRequest("hieutruong", DEMO_PASSWORD, attacker).status())
                .as("the right password from the attacker's address").isEqualTo(403);

        assertThat(tokenRequest("hieutruong", DEMO_PASSWORD, "10.6.0.2").status())
                .as("the right password from another address").isEqualTo(200);
        assertThat(get(victimToken, "/api/me").status()).as("the victim's existing token").isEqualTo(200);
        assertThat(statusInSession(victimSession, "/api/me")).as("the victim's existing session").isEqualTo(200);
        assertThat(auditEntries("ACCOUNT_LOCKED", "account hieutruong")).isEqualTo(1);
    }

    @Test
    void guessesFromManyAddressesLockOnlyAddressesThePersonNeverLoggedInFrom() {
        String home = "10.7.0.1";
        token("phohieutruong", DEMO_PASSWORD, home);
        for (int address = 1; address <= 5; address++) {
            for (int i = 0; i < 4; i++) {
                assertThat(tokenRequest("phohieutruong", "doan-" + i, "10.7.1." + address).status()).isEqualTo(401);
            }
        }
        assertThat(tokenRequest("phohieutruong", DEMO_PASSWORD, "10.7.2.1").status())
                .as("the right password from a new address after 20 guesses from new addresses").isEqualTo(403);
        assertThat(tokenRequest("phohieutruong", DEMO_PASSWORD, home).status())
                .as("the right password from an address the person used before").isEqualTo(200);
    }

    @Test
    void aForwardedForHeaderDoesNotMakeANewAddress() {
        for (int i = 1; i <= Accounts.MAX_FAILED_LOGINS; i++) {
            assertThat(send(null, tokenCall("gv14", "doan-" + i, "10.6.7.7").header("X-Forwarded-For", "203.0.113." + i))
                    .status()).isEqualTo(401);
        }
        assertThat(send(null, tokenCall("gv14", DEMO_PASSWORD, "10.6.7.7").header("X-Forwarded-For", "203.0.113.99"))
                .status()).isEqualTo(403);
    }

    @Test
    void aPasswordLongerThanBcryptTakesIsAWrongPasswordNotAServerError() throws Exception {
        String tooLong = "Mật khẩu rất dài ".repeat(6);
        assertThat(tokenRequest("gv24", tooLong, "10.8.0.1").status()).isEqualTo(401);
        assertThat(formLogin("gv24", tooLong, "10.8.0.1")).isNull();
    }

}
