package vn.hocba.reminders;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.gradebook.homeroom.MonthConfirmation;
import vn.hocba.gradebook.homeroom.AttendanceMonths;
import vn.hocba.schoolyear.HomeroomAssignment;
import vn.hocba.schoolyear.School;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.AcademicYear;
import vn.hocba.schoolyear.TermDates;
import vn.hocba.security.Account;
import vn.hocba.security.Accounts;
import vn.hocba.security.Role;

/**
 * Seed 000 §VII.1.2: the homeroom teacher updates the class's attendance at the start of the next
 * month; the school's deadline is the 3rd ({@code hocba.reminders.attendance-due-day}). From the
 * 1st, homeroom teachers whose class's previous month is not done are reminded; after the
 * deadline they are told it is overdue and the vice principal is told as well. Each notice goes
 * once per class and month (dedupe key), so the daily job may run any number of times.
 */
@Service
public class AttendanceReminders implements Reminders {

    /** Dates shown to people: dd/MM/yyyy (ui.md). */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final SchoolDirectory directory;
    private final AttendanceMonths months;
    private final Accounts accounts;
    private final ReminderNotices notices;
    private final int dueDay;

    AttendanceReminders(SchoolDirectory directory, AttendanceMonths months, Accounts accounts, ReminderNotices notices,
            @Value("${hocba.reminders.attendance-due-day:3}") int dueDay) {
        this.directory = directory;
        this.months = months;
        this.accounts = accounts;
        this.notices = notices;
        this.dueDay = dueDay;
    }

    /** Sends the attendance reminders due on {@code today} (for the previous month); returns how many notices were new. */
    @Transactional
    @Override
    public int remind(LocalDate today) {
        YearMonth month = YearMonth.from(today).minusMonths(1);
        LocalDate due = today.withDayOfMonth(Math.min(dueDay, today.lengthOfMonth()));
        boolean overdue = today.isAfter(due);
        int sent = 0;
        for (School school : directory.schools()) {
            Optional<AcademicYear> year = directory.activeYear(school.id()).filter(y -> teaches(y, month));
            for (HomeroomAssignment homeroom : year.map(y -> directory.homeroomAssignments(y.id())).orElse(java.util.List.of())) {
                if (!months.confirmed(homeroom.schoolClass().id(), month)) {
                    sent += remind(homeroom, month, due, overdue);
                }
            }
        }
        return sent;
    }

    private int remind(HomeroomAssignment homeroom, YearMonth month, LocalDate due, boolean overdue) {
        String classCode = homeroom.schoolClass().code();
        String monthText = MonthConfirmation.label(month);
        String dueText = DAY.format(due);
        String key = "attendance-" + homeroom.schoolClass().id().value() + "-" + month + (overdue ? "-overdue" : "");
        int sent = 0;
        Optional<Account> teacher = accounts.byStaff(homeroom.teacher().id());
        String subject = (overdue ? "Quá hạn điểm danh tháng " : "Nhắc điểm danh tháng ") + monthText + " – lớp " + classCode;
        String message = overdue
                ? "Quá hạn cập nhật điểm danh tháng " + monthText + " của lớp " + classCode + " (hạn ngày " + dueText
                        + "). Hãy nhập ngay các buổi nghỉ học của học sinh trong tháng; Phó hiệu trưởng đã được báo."
                : "Nhắc cập nhật điểm danh tháng " + monthText + " của lớp " + classCode + ": hạn chót ngày " + dueText
                        + " (quy định của trường: cập nhật kiểm diện học sinh vào đầu tháng kế tiếp).";
        if (teacher.isPresent() && notices.send(teacher.get(), overdue ? "ATTENDANCE_OVERDUE" : "ATTENDANCE_REMINDER",
                subject, message, key)) {
            sent++;
        }
        if (overdue) {
            String escalation = "Quá hạn điểm danh: lớp " + classCode + " (GVCN " + homeroom.teacher().fullName()
                    + ") chưa cập nhật điểm danh tháng " + monthText + ", hạn ngày " + dueText + ".";
            for (Account vice : accounts.withRole(Role.VICE_PRINCIPAL)) {
                sent += notices.send(vice, "ATTENDANCE_OVERDUE", subject, escalation, key) ? 1 : 0;
            }
        }
        return sent;
    }

    /** Whether the month lies in the year's terms (no reminder for the summer months). */
    private static boolean teaches(AcademicYear year, YearMonth month) {
        LocalDate first = year.terms().stream().map(TermDates::startsOn).min(LocalDate::compareTo).orElse(null);
        LocalDate last = year.terms().stream().map(TermDates::endsOn).max(LocalDate::compareTo).orElse(null);
        return first != null && !month.atEndOfMonth().isBefore(first) && !month.atDay(1).isAfter(last);
    }
}
