package vn.hocba.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.hocba.common.Rejected;

/**
 * What a new password must be (account creation and password change): at least
 * {@value #MIN_CHARACTERS} characters, at most {@value #MAX_BYTES} bytes in UTF-8 (bcrypt reads no
 * more; a Vietnamese letter with marks takes 2–3 bytes), not a common password, not a common
 * word with digits or symbols after it, not one character or a short group repeated, not a run
 * of a keyboard row or the alphabet, and not containing the username.
 */
@Component
public class PasswordPolicy {

    static final int MIN_CHARACTERS = 8;
    /** bcrypt hashes at most 72 bytes; Spring Security refuses longer passwords rather than cut them. */
    static final int MAX_BYTES = 72;
    private static final String LIST = "/security/common-passwords.txt";
    private static final String[] RUNS = {"abcdefghijklmnopqrstuvwxyz", "01234567890", "qwertyuiop", "asdfghjkl",
        "zxcvbnm", "1qaz2wsx3edc4rfv", "qazwsxedcrfv"};

    private final Set<String> common;

    public PasswordPolicy() {
        this.common = load();
    }

    /** Refuses (400) a password that breaks a rule, saying which and what to do. */
    public void check(String username, String password) {
        if (password == null || password.isEmpty()) {
            throw Rejected.invalid("Mật khẩu trống: hãy nhập mật khẩu có ít nhất " + MIN_CHARACTERS + " ký tự.");
        }
        int characters = password.codePointCount(0, password.length());
        if (characters < MIN_CHARACTERS) {
            throw Rejected.invalid("Mật khẩu phải có ít nhất " + MIN_CHARACTERS + " ký tự (mật khẩu này có " + characters + ").");
        }
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw Rejected.invalid("Mật khẩu dài " + bytes + " byte khi mã hoá UTF-8, quá giới hạn " + MAX_BYTES
                    + " byte (chữ có dấu tiếng Việt chiếm 2–3 byte mỗi chữ). Hãy dùng mật khẩu ngắn hơn.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw Rejected.invalid("Mật khẩu không được chứa tên đăng nhập " + username + ".");
        }
        if (isCommon(lower) || isRepetition(lower) || isRun(lower)) {
            throw Rejected.invalid("Mật khẩu này quá phổ biến hoặc dễ đoán (mật khẩu hay gặp, dãy lặp lại hay dãy liên tiếp"
                    + " như aaaaaaaa, 12345678, matkhau123). Hãy chọn mật khẩu khác, ví dụ một câu ngắn dễ nhớ.");
        }
    }

    private boolean isCommon(String lower) {
        String stem = lower.replaceFirst("[^\\p{L}]+$", "");
        String core = lower.replaceFirst("^[^\\p{L}]+", "").replaceFirst("[^\\p{L}]+$", "");
        return common.contains(lower) || common.contains(stem) || common.contains(core);
    }

    /** One character, or a group of up to four, repeated (aaaaaaaa, 12121212, abcabcabc, 11112222). */
    private static boolean isRepetition(String lower) {
        if (lower.matches("(.{1,4})\\1+.{0,3}")) {
            return true;
        }
        return lower.codePoints().distinct().count() <= 2;
    }

    /** A run along a keyboard row or the alphabet, forwards or backwards (abcdefgh, 87654321, qwertyui). */
    private static boolean isRun(String lower) {
        String reversed = new StringBuilder(lower).reverse().toString();
        for (String run : RUNS) {
            if (run.contains(lower) || run.contains(reversed)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + LIST);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip().toLowerCase(Locale.ROOT);
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
