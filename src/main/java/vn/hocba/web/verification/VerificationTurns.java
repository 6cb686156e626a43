package vn.hocba.web.verification;

import java.io.IOException;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.hocba.common.Turns;

/**
 * Turns for checking uploaded PDFs, the one thing anyone without an account can make the server work hard at
 * ({@code /xac-minh/tep}, {@code POST /api/signatures/verification}). Each check holds the file (≤ 10 MB),
 * PDFBox's scratch memory and a validation's CPU; the limits bound one upload, and these turns bound how many
 * run together: at most {@code hocba.verification.parallel} (default twice the processors), the next ones
 * wait up to {@code hocba.verification.wait} (20 s) for a turn and are then told to try again later (503), instead of every Tomcat
 * thread reading a 10 MB file into memory at the same moment (attack 28).
 */
@Component
class VerificationTurns {

    static final String BUSY = "Máy chủ đang kiểm tra nhiều tệp cùng lúc nên chưa kiểm tra được tệp của bạn. "
            + "Hãy thử lại sau ít phút; tệp chưa được đọc.";

    /** The answer when no turn came in time. */
    static final class Busy extends RuntimeException {
        Busy() {
            super(BUSY);
        }
    }

    /** A check that reads the upload and verifies it. */
    interface Check<T> {
        T run() throws IOException;
    }

    private final Turns turns;

    VerificationTurns(@Value("${hocba.verification.parallel:0}") int parallel,
            @Value("${hocba.verification.wait:20s}") Duration wait) {
        this.turns = new Turns(parallel > 0 ? parallel : 2 * Runtime.getRuntime().availableProcessors(), wait);
    }

    /** Runs {@code check} in a turn; {@link Busy} when none came within the wait. */
    <T> T take(Check<T> check) throws IOException {
        return turns.take(check::run, Busy::new);
    }
}
