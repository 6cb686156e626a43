package vn.hocba.workflow;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;
import vn.hocba.audit.Actor;
import vn.hocba.gradebook.closing.YearEnd;
import vn.hocba.reminders.ReminderNotices;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.security.Accounts;

/**
 * Tells the homeroom teacher that the principal sent the class's year-end lists or summer results back, with
 * the reason: an in-app notice, and an e-mail when an SMTP server is configured ({@link ReminderNotices}).
 */
@Component
class YearEndReturns {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final SchoolDirectory directory;
    private final Accounts accounts;
    private final ReminderNotices notices;

    YearEndReturns(SchoolDirectory directory, Accounts accounts, ReminderNotices notices) {
        this.directory = directory;
        this.accounts = accounts;
        this.notices = notices;
    }

    void tell(SchoolClass schoolClass, YearEnd.Rejection rejection, Actor by) {
        String principal = accounts.byUsername(by.username()).map(a -> a.displayName()).orElse(by.username());
        boolean lists = rejection.stage() == YearEnd.Stage.PROPOSED;
        String subject = "Hiệu trưởng không duyệt " + (lists ? "danh sách lên lớp" : "kết quả hè") + " lớp " + schoolClass.code();
        String message = "Hiệu trưởng " + principal + " không duyệt "
                + (lists ? "danh sách lên lớp, khen thưởng" : "kết quả sau kiểm tra lại, rèn luyện hè") + " của lớp "
                + schoolClass.code() + " lúc " + WHEN.format(rejection.at()) + ". Lí do: " + rejection.reason()
                + (lists ? ". Hãy sửa rồi gửi đề nghị lại ở trang Cuối năm của lớp."
                        : ". Hãy sửa rồi xác nhận lại kết quả hè ở trang Cuối năm của lớp.");
        directory.homeroomOf(schoolClass.id()).flatMap(h -> accounts.byStaff(h.teacher().id()))
                .ifPresent(to -> notices.send(to, "YEAR_END_REJECTED", subject, message,
                        "year-end-rejected-" + rejection.decisionId()));
    }
}
