package vn.hocba.gradebook.homeroom;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditLog;
import vn.hocba.audit.AuditRecord;
import vn.hocba.common.Rejected;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.AcademicYear;
import vn.hocba.schoolyear.TermDates;

/**
 * The homeroom teacher's monthly confirmation that the class's attendance is complete (seed 000
 * §VII.1.2: attendance is updated at the start of the next month; domain.md §2: by the 3rd). The
 * readiness check of a term lists its months not yet confirmed. Who may confirm is checked by the
 * caller (the class's homeroom teacher); each confirmation is audited.
 */
@Service
@Transactional
public class AttendanceMonths {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final JdbcClient jdbc;
    private final SchoolDirectory directory;
    private final AuditLog audit;
    private final Clock clock;

    public AttendanceMonths(JdbcClient jdbc, SchoolDirectory directory, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** Confirms {@code month}; confirming a confirmed month again changes nothing. */
    public MonthConfirmation confirm(SchoolClass schoolClass, YearMonth month, Actor by) {
        AcademicYear year = directory.year(schoolClass.yearId());
        if (!months(year, 0).contains(month)) {
            throw Rejected.invalid("Tháng " + MonthConfirmation.label(month) + " không thuộc năm học " + year.name() + " của lớp "
                    + schoolClass.code() + ".");
        }
        LocalDate nextMonth = month.plusMonths(1).atDay(1);
        if (LocalDate.now(clock).isBefore(nextMonth)) {
            throw Rejected.invalid("Tháng " + MonthConfirmation.label(month) + " chưa kết thúc: điểm danh của tháng được xác nhận từ ngày "
                    + DAY.format(nextMonth) + " (hạn chót " + DAY.format(MonthConfirmation.deadlineOf(month)) + ").");
        }
        MonthConfirmation current = status(schoolClass, year, 0).stream().filter(m -> m.month().equals(month))
                .findFirst().orElseThrow();
        if (current.confirmed()) {
            return current;
        }
        jdbc.sql("insert into attendance_month (class_id, month_start, confirmed_at, confirmed_by) values (?, ?, ?, ?)")
                .params(schoolClass.id().value(), month.atDay(1), Timestamp.from(clock.instant()), by.username()).update();
        audit.append(new AuditRecord(by, "ATTENDANCE_MONTH_CONFIRMED", "attendance-month " + schoolClass.code() + "/" + month,
                null, "confirmed", null, null));
        return status(schoolClass, year, 0).stream().filter(m -> m.month().equals(month)).findFirst().orElseThrow();
    }

    /** Whether the homeroom teacher has confirmed {@code month} of the class (what the attendance reminders ask). */
    @Transactional(readOnly = true)
    public boolean confirmed(ClassId schoolClass, YearMonth month) {
        return jdbc.sql("select count(*) from attendance_month where class_id = ? and month_start = ?")
                .params(schoolClass.value(), month.atDay(1)).query(Long.class).single() > 0;
    }

    /**
     * Withdraws the confirmation of the month of {@code day} after its attendance changed (audited):
     * the homeroom teacher confirms the month again, so a confirmed month always means its final state.
     */
    public void reopen(SchoolClass schoolClass, LocalDate day, Actor by) {
        YearMonth month = YearMonth.from(day);
        int removed = jdbc.sql("delete from attendance_month where class_id = ? and month_start = ?")
                .params(schoolClass.id().value(), month.atDay(1)).update();
        if (removed > 0) {
            audit.append(new AuditRecord(by, "ATTENDANCE_MONTH_REOPENED", "attendance-month " + schoolClass.code() + "/" + month,
                    "confirmed", null, "điểm danh ngày " + DAY.format(day) + " thay đổi sau khi tháng đã được xác nhận", null));
        }
    }

    /** Every month of {@code term} (1, 2; 0 = the whole year), first to last, with its confirmation. */
    @Transactional(readOnly = true)
    public List<MonthConfirmation> months(SchoolClass schoolClass, int term) {
        return status(schoolClass, directory.year(schoolClass.yearId()), term);
    }

    private List<MonthConfirmation> status(SchoolClass schoolClass, AcademicYear year, int term) {
        Map<YearMonth, MonthConfirmation> confirmed = new HashMap<>();
        jdbc.sql("select month_start, confirmed_at, confirmed_by from attendance_month where class_id = ?")
                .param(schoolClass.id().value()).query((rs, n) -> {
                    YearMonth month = YearMonth.from(rs.getObject(1, LocalDate.class));
                    Instant at = rs.getObject(2, OffsetDateTime.class).toInstant();
                    boolean late = LocalDate.ofInstant(at, clock.getZone()).isAfter(MonthConfirmation.deadlineOf(month));
                    return confirmed.put(month, new MonthConfirmation(month, MonthConfirmation.deadlineOf(month), at,
                            rs.getString(3), late));
                }).list();
        return months(year, term).stream().map(m -> confirmed.getOrDefault(m,
                new MonthConfirmation(m, MonthConfirmation.deadlineOf(m), null, null, false))).toList();
    }

    /** The months a term spans (a month shared by both terms belongs to both). */
    private static List<YearMonth> months(AcademicYear year, int term) {
        List<TermDates> terms = year.terms().stream().filter(t -> term == 0 || t.number() == term).toList();
        if (terms.isEmpty()) {
            throw Rejected.invalid("Học kì " + term + " không có: chọn 1 hoặc 2.");
        }
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(terms.get(0).startsOn()); !m.isAfter(YearMonth.from(terms.get(terms.size() - 1)
                .endsOn())); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }
}
