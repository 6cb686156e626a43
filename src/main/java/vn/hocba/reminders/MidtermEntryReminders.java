package vn.hocba.reminders;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.hocba.gradebook.EntryProgress;
import vn.hocba.schoolyear.StaffId;
import vn.hocba.security.Account;
import vn.hocba.security.Accounts;
import vn.hocba.security.Role;
import vn.hocba.common.TermName;

/**
 * Seed 000 §VII.2.7: "Điểm kiểm tra giữa kì cập nhật điểm chậm nhất 10 ngày sau khi tiến hành kiểm
 * tra". Once that is past, the teacher of a class × subject still lacking mid-term marks is told,
 * and so is the vice principal (it is overdue by definition); once a week, like the other entry reminders.
 */
@Component
class MidtermEntryReminders {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Accounts accounts;
    private final ReminderNotices notices;

    MidtermEntryReminders(Accounts accounts, ReminderNotices notices) {
        this.accounts = accounts;
        this.notices = notices;
    }

    /** Notifies about {@code line}'s missing mid-term marks, due on {@code due}; returns how many notices were new. */
    int notify(EntryProgress.Line line, LocalDate today, LocalDate due) {
        String week = today.get(IsoFields.WEEK_BASED_YEAR) + "-W" + today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        String key = "midterm-" + line.classCode() + "-" + line.subjectCode() + "-" + line.term() + "-" + week;
        String what = "lớp " + line.classCode() + " môn " + line.subjectName() + " " + TermName.of(line.term()) + ": còn thiếu "
                + line.midtermMissing() + " điểm giữa kì (hạn " + DAY.format(due) + ", 10 ngày sau ngày kiểm tra)";
        String subject = "Quá hạn nhập điểm giữa kì lớp " + line.classCode() + " môn " + line.subjectName();
        int sent = 0;
        Optional<Account> teacher = accounts.byStaff(new StaffId(line.teacherId()));
        if (teacher.isPresent() && notices.send(teacher.get(), "MIDTERM_ENTRY_OVERDUE", subject,
                "Quá hạn nhập điểm giữa kì " + what + ". Đề nghị nhập ngay.", key)) {
            sent++;
        }
        for (Account vice : accounts.withRole(Role.VICE_PRINCIPAL)) {
            if (notices.send(vice, "MIDTERM_ENTRY_OVERDUE", subject, "Quá hạn nhập điểm giữa kì: " + line.teacherName()
                    + ", " + what + ".", key)) {
                sent++;
            }
        }
        return sent;
    }
}
