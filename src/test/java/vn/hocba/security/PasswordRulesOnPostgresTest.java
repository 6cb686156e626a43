package vn.hocba.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 items 18 and 19 (passwords): bcrypt's 72-byte limit is a 400 that names it, and short
 * or common passwords are refused when an account is created and when a password is changed.
 */
class PasswordRulesOnPostgresTest extends AccountsOnPostgres {

    /** 58 characters but 81 bytes in UTF-8: Vietnamese letters with marks take 2–3 bytes each. */
    private static final String OVER_72_BYTES = "Đường về nhà ở Hà Nội mùa thu, lá vàng rơi đầy trên phố cũ";

    @Test
    void aPasswordOverSeventyTwoBytesIsA400NamingTheLimitNotA500() {
        assertThat(OVER_72_BYTES.getBytes(StandardCharsets.UTF_8).length).isEqualTo(81);
        assertThat(OVER_72_BYTES.length()).isLessThan(72);
        Reply created = post(token("quantri"), "/api/accounts", account("dai.qua", OVER_72_BYTES));
        assertThat(created.status()).isEqualTo(400);
        assertThat(created.detail()).contains("72 byte").contains("UTF-8");

        Reply changed = put(token("gv22"), "/api/me/password", Map.of("currentPassword", DEMO_PASSWORD, "newPassword", OVER_72_BYTES));
        assertThat(changed.status()).isEqualTo(400);
        assertThat(changed.detail()).contains("72 byte");
        assertThat(tokenRequest("gv22", OVER_72_BYTES, "10.9.0.1").status()).isEqualTo(401);
    }

    @Test
    void shortAndCommonPasswordsAreRefusedOnCreation() {
        String admin = token("quantri");
        for (String weak : List.of("aaaaaaaa", "12345678", "matkhau123", "Matkhau@123", "password1", "abcdefgh",
                "qwertyuiop", "11112222", "ngan", "yeu.qua.2025")) {
            Reply refused = post(admin, "/api/accounts", account("yeu.qua", weak));
            assertThat(refused.status()).as(weak).isEqualTo(400);
            assertThat(refused.detail()).as(weak).contains("Mật khẩu");
        }
        assertThat(jdbc.sql("select count(*) from account where username = 'yeu.qua'").query(Long.class).single()).isZero();
        assertThat(post(admin, "/api/accounts", account("du.manh", "Sổ điểm của tôi")).status()).isEqualTo(201);
    }

    @Test
    void commonPasswordsAreRefusedOnChangeAndTheDemoPasswordStillWorks() {
        String token = token("gv23");
        Reply refused = put(token, "/api/me/password", Map.of("currentPassword", DEMO_PASSWORD, "newPassword", "matkhau123"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.detail()).contains("phổ biến");
        assertThat(get(token, "/api/me").status()).isEqualTo(200);
        assertThat(post(token("quantri"), "/api/accounts", account("demo.mau", DEMO_PASSWORD)).status()).isEqualTo(201);
    }

    private static Map<String, Object> account(String username, String password) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("password", password);
        body.put("displayName", "Tài khoản " + username);
        body.put("roles", List.of());
        return body;
    }
}
