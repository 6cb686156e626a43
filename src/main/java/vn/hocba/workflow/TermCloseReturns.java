package vn.hocba.workflow;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.hocba.common.TermName;
import vn.hocba.gradebook.closing.SignOff;
import vn.hocba.gradebook.closing.SignOffs;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SubjectId;

/**
 * What a person must redo in a term close and why, said the same way on the task in "Việc cần làm", on the page
 * the task opens and in the notice: a subject the homeroom teacher sent back (to its teacher), the class's term
 * the principal did not approve (to the homeroom teacher). Read from the sign-off records (who reopened, when,
 * the reason typed), never from a process variable; gone once the subject, or the class, is signed again.
 */
@Component
public class TermCloseReturns {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final SignOffs signOffs;
    private final AccountNames names;

    TermCloseReturns(SignOffs signOffs, AccountNames names) {
        this.signOffs = signOffs;
        this.names = names;
    }

    /** The send-back of the subject still waiting for {@code teacher}: "GVCN … trả lại môn này lúc …. Lí do: …". */
    public Optional<String> sentBack(SchoolClass schoolClass, int term, SubjectId subject, String teacher) {
        return signOffs.sentBack(schoolClass, term, subject, teacher).map(this::sentBack);
    }

    /** The principal's "Không duyệt" of the class's term not yet answered by a new homeroom sign-off. */
    public Optional<String> rejection(SchoolClass schoolClass, int term) {
        return signOffs.rejection(schoolClass, term).map(this::rejection);
    }

    String sentBack(SignOff reopened) {
        return "GVCN " + names.apply(reopened.reopenedBy()) + " trả lại môn này lúc " + TIME.format(reopened.reopenedAt())
                + ". Lí do: " + reopened.reopenReason();
    }

    String rejection(SignOff reopened) {
        return "Hiệu trưởng " + names.apply(reopened.reopenedBy()) + " không duyệt kết quả " + TermName.of(reopened.term())
                + " lúc " + TIME.format(reopened.reopenedAt()) + ". Lí do: " + reopened.reopenReason();
    }
}
