package vn.hocba.security;

import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import vn.hocba.common.Turns;

/**
 * Turns for comparing a password with its bcrypt hash (≈ 50–80 ms of a core each), the one thing anyone without an
 * account can make the server work at: a login with a name that has no account is compared against a dummy hash,
 * so that its answer takes as long as a real one's, and ever-new names are never locked out. Eight clients sending
 * such logins made every page of the people at work 9× slower on two cores (attack 30: 20 → 178 ms). At most
 * {@code hocba.login.parallel-checks} comparisons run at once (default half the processors, at least one), so the
 * other cores stay with the pages; a login that gets no turn within {@code hocba.login.check-wait} (5 s) is told
 * to try again in a moment, its password not compared (and not counted as wrong).
 */
@Component
public class PasswordCheckTurns {

    public static final String BUSY = "Máy chủ đang nhận quá nhiều lượt đăng nhập cùng lúc. Hãy thử lại sau ít phút; "
            + "mật khẩu của bạn chưa được kiểm tra.";

    /** No turn came in time: the password was not compared. */
    public static final class Busy extends AuthenticationServiceException {
        Busy() {
            super(BUSY);
        }
    }

    private final Turns turns;

    PasswordCheckTurns(@Value("${hocba.login.parallel-checks:0}") int parallel,
            @Value("${hocba.login.check-wait:5s}") Duration wait) {
        this.turns = new Turns(parallel > 0 ? parallel : Math.max(1, Runtime.getRuntime().availableProcessors() / 2), wait);
    }

    /** Runs {@code check} in a turn; {@link Busy} when none came within the wait. */
    <T> T take(Supplier<T> check) {
        return turns.take(check::get, Busy::new);
    }
}
