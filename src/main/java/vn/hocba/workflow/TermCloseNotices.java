package vn.hocba.workflow;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.hocba.common.TermName;
import vn.hocba.gradebook.closing.SignOff;
import vn.hocba.reminders.ReminderNotices;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.security.Accounts;

/**
 * Tells the person who must redo a step of a term close, in "Thông báo" (and by e-mail when configured, as a
 * reminder is): the subject teacher whose subject was sent back, the homeroom teacher whose class's term was
 * not approved. Sent in the step's transaction, once per reopened sign-off (its id is the dedupe key), with the
 * reason as recorded.
 */
@Component
class TermCloseNotices {

    private static final int MAX_MESSAGE = 2000;

    private final ReminderNotices notices;
    private final Accounts accounts;
    private final TermCloseReturns returns;

    TermCloseNotices(ReminderNotices notices, Accounts accounts, TermCloseReturns returns) {
        this.notices = notices;
        this.accounts = accounts;
        this.returns = returns;
    }

    void sentBack(SchoolClass schoolClass, String subjectName, List<SignOff> reopened) {
        for (SignOff s : reopened) {
            String where = "Lớp " + schoolClass.code() + ", môn " + subjectName + ", " + TermName.of(s.term());
            send(s, "SUBJECT_SENT_BACK", where + " bị trả lại",
                    where + ": " + returns.sentBack(s) + " Sửa điểm rồi ký xác nhận lại môn (Việc cần làm).");
        }
    }

    void rejected(SchoolClass schoolClass, SignOff reopened) {
        String where = "Lớp " + schoolClass.code() + ", " + TermName.of(reopened.term());
        send(reopened, "TERM_NOT_APPROVED", where + " không được duyệt", "Lớp " + schoolClass.code() + ": "
                + returns.rejection(reopened) + " Kiểm tra lại cả lớp rồi ký xác nhận kết quả lớp để gửi duyệt lại.");
    }

    private void send(SignOff reopened, String kind, String subject, String message) {
        // A reason may be up to 2000 characters (sign_off.reopen_reason), so may a notice: the task and the page show it whole.
        String text = message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 1) + "…";
        accounts.byUsername(reopened.signedBy()).ifPresent(to ->
                notices.send(to, kind, subject, text, "sign-off-reopened-" + reopened.id()));
    }
}
