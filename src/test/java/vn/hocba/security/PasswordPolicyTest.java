package vn.hocba.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.hocba.common.Rejected;

/** The rules a new password must meet (issue 13 items 18, 19), without Spring. */
class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @ParameterizedTest
    @ValueSource(strings = {"aaaaaaaa", "AAAAAAAAAA", "12345678", "87654321", "0123456789", "abcdefgh", "hgfedcba",
        "qwertyui", "asdfghjkl", "11112222", "12121212", "abcabcabc", "password", "Password1!", "P@ssw0rd",
        "matkhau123", "MatKhau@2025", "anhyeuem", "123456789a", "iloveyou", "vietnam123", "giaovien2025",
        "admin@123", "1qaz2wsx"})
    void commonAndTrivialPasswordsAreRefused(String weak) {
        assertThatThrownBy(() -> policy.check("nguoi.dung", weak)).isInstanceOf(Rejected.class)
                .hasMessageContaining("phổ biến");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HocBa@2025", "Sổ điểm của tôi", "dung-mat-khau", "Tết này về quê 2026", "k7#Lm9!pQ"})
    void goodPasswordsPass(String good) {
        assertThatCode(() -> policy.check("nguoi.dung", good)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ngắn", "Ab1!xyz"})
    void fewerThanEightCharactersAreRefused(String shortOne) {
        assertThatThrownBy(() -> policy.check("nguoi.dung", shortOne)).isInstanceOf(Rejected.class)
                .hasMessageContaining("Mật khẩu");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nguoi.dung.2025", "NGUOI.DUNG!x"})
    void passwordsContainingTheUsernameAreRefused(String withName) {
        assertThatThrownBy(() -> policy.check("nguoi.dung", withName)).hasMessageContaining("tên đăng nhập");
    }

    @org.junit.jupiter.api.Test
    void theLimitIsSeventyTwoBytesNotCharacters() {
        String letters = "ảạầấậẩẫắằẳẵặẻẽẹềếệểễỉịỏọồ";
        String seventyTwoBytes = letters.substring(0, 24);
        String seventyFiveBytes = letters.substring(0, 25);
        assertThatCode(() -> policy.check("nguoi.dung", seventyTwoBytes)).doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.check("nguoi.dung", seventyFiveBytes)).hasMessageContaining("75 byte")
                .hasMessageContaining("72 byte");
    }
}
