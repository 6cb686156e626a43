package vn.hocba.reminders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.gradebook.AssessmentCalendar;
import vn.hocba.gradebook.EntryProgress;
import vn.hocba.gradebook.MarkKind;
import vn.hocba.schoolyear.School;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.AcademicYear;
import vn.hocba.schoolyear.StaffId;
import vn.hocba.schoolyear.TermDates;
import vn.hocba.security.Account;
import vn.hocba.security.Accounts;
import vn.hocba.security.Role;
import vn.hocba.common.TermName;

/**
 * Seed 000 §V.3 / domain.md §2.2: by mid-term half of the regular assessments must be entered, by
 * the end of the term all of them; seed 000 §VII.2.7: mid-term marks at the latest 10 days after the
 * test ({@link MidtermEntryReminders}). Teachers behind are reminded in their inbox; after the end of
 * the term (or of the 10 days) the vice principal is told as well. One notification per teacher, class, subject and
 * week (so a job that runs twice notifies once); by e-mail too when configured ({@link ReminderNotices}).
 */
@Service
public class EntryReminders implements Reminders {

    private static final BigDecimal HALF = new BigDecimal("0.5");
    /** Seed 000 §VII.2.7: mid-term marks entered at the latest 10 days after the test. */
    static final int MIDTERM_ENTRY_DAYS = 10;

    private final SchoolDirectory directory;
    private final EntryProgress progress;
    private final Accounts accounts;
    private final ReminderNotices notices;
    private final AssessmentCalendar calendar;
    private final MidtermEntryReminders midterms;

    EntryReminders(SchoolDirectory directory, EntryProgress progress, Accounts accounts, ReminderNotices notices,
            AssessmentCalendar calendar, MidtermEntryReminders midterms) {
        this.directory = directory;
        this.progress = progress;
        this.accounts = accounts;
        this.notices = notices;
        this.calendar = calendar;
        this.midterms = midterms;
    }

    /** Sends the reminders due on {@code today}; returns how many notifications were new. */
    @Transactional
    @Override
    public int remind(LocalDate today) {
        int sent = 0;
        for (School school : directory.schools()) {
            Optional<AcademicYear> year = directory.activeYear(school.id());
            Optional<TermDates> term = year.flatMap(y -> termOf(y, today));
            if (term.isEmpty()) {
                continue;
            }
            boolean overdue = !today.isBefore(term.get().endsOn());
            boolean pastMidterm = calendar.testDate(year.get().id().value(), term.get().number(), MarkKind.MIDTERM)
                    .map(d -> !today.isBefore(d)).orElse(false);
            Optional<LocalDate> midtermDue = calendar.testDate(year.get().id().value(), term.get().number(), MarkKind.MIDTERM)
                    .map(d -> d.plusDays(MIDTERM_ENTRY_DAYS));
            boolean midtermLate = midtermDue.map(today::isAfter).orElse(false);
            for (EntryProgress.Line line : progress.of(year.get().id(), term.get().number())) {
                BigDecimal required = overdue ? BigDecimal.ONE : pastMidterm ? HALF : null;
                if (required != null && line.share().compareTo(required) < 0) {
                    sent += notify(line, today, overdue);
                }
                if (midtermLate && line.midtermMissing() > 0) {
                    sent += midterms.notify(line, today, midtermDue.get());
                }
            }
        }
        return sent;
    }

    private int notify(EntryProgress.Line line, LocalDate today, boolean overdue) {
        String week = today.get(IsoFields.WEEK_BASED_YEAR) + "-W" + today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        String what = "lớp " + line.classCode() + " môn " + line.subjectName() + " " + TermName.of(line.term()) + ": đã nhập "
                + line.entered() + "/" + line.required() + " điểm";
        String key = "entry-" + line.classCode() + "-" + line.subjectCode() + "-" + line.term() + "-" + week;
        int sent = 0;
        Optional<Account> teacher = accounts.byStaff(new StaffId(line.teacherId()));
        String subject = "Nhắc nhập điểm lớp " + line.classCode() + " môn " + line.subjectName() + " " + TermName.of(line.term());
        if (teacher.isPresent() && notices.send(teacher.get(), "ENTRY_REMINDER", subject,
                "Nhắc nhập điểm " + what + (overdue ? ". Đã hết học kì: cần nhập đủ ngay." : ". Quy định: một nửa trước giữa kì, đủ trước cuối kì."),
                key)) {
            sent++;
        }
        if (overdue) {
            for (Account vice : accounts.withRole(Role.VICE_PRINCIPAL)) {
                if (notices.send(vice, "ENTRY_OVERDUE", "Quá hạn " + subject, "Quá hạn nhập điểm: " + line.teacherName()
                        + ", " + what + ".", key)) {
                    sent++;
                }
            }
        }
        return sent;
    }

    private static Optional<TermDates> termOf(AcademicYear year, LocalDate day) {
        List<TermDates> terms = year.terms();
        return terms.stream().filter(t -> t.contains(day) || (day.isAfter(t.endsOn()) && day.isBefore(t.endsOn().plusDays(14))))
                .findFirst();
    }
}
