package vn.hocba.web.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hocba.gradebook.closing.SignOff;

/** The principal's term card counts subjects signed, not sign-offs (co-teachers sign one subject each). */
class ApprovalCardsTest {

    private static SignOff subject(long id, long subjectId, String teacher) {
        return new SignOff(id, 1, 1, SignOff.Kind.SUBJECT, subjectId, teacher, Instant.now(), "ab", true, null, null, null);
    }

    @Test
    void coTeachersOfOneSubjectCountAsOneSubject() {
        List<SignOff> active = List.of(
                subject(1, 2, "gv04"),                    // Toán
                subject(2, 5, "gv10"), subject(3, 5, "gv12"), // Lịch sử và Địa lí: history and geography teachers
                subject(4, 10, "gv20"), subject(5, 10, "gv21"), // Nghệ thuật: music and fine arts
                new SignOff(6, 1, 1, SignOff.Kind.HOMEROOM, null, "gv01", Instant.now(), "cd", true, null, null, null));

        assertThat(ApprovalCards.subjectsSigned(active)).isEqualTo(3);
    }
}
