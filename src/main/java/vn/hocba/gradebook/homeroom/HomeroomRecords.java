package vn.hocba.gradebook.homeroom;

import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditLog;
import vn.hocba.audit.AuditRecord;
import vn.hocba.common.Rejected;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.AcademicYear;
import vn.hocba.schoolyear.TermDates;
import vn.hocba.students.EnrolledStudent;
import vn.hocba.students.StudentRegistry;
import vn.hocba.gradebook.ClassResultsStore;
import vn.hocba.gradebook.GradebookLocks;
/**
 * What the homeroom teacher records (seed 000 §IV): daily absences, excused (P) or not (K), and
 * the conduct rating of each term with a comment (TT22 Art. 8). Both are audited and refused
 * while the class term is locked; a changed absence withdraws its month's confirmation ({@link AttendanceMonths}).
 */
@Service
@Transactional
public class HomeroomRecords {

    /** Dates shown to people: dd/MM/yyyy (ui.md). */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static final Set<String> LEVELS = Set.of("T", "K", "Đ", "CĐ");

    private final JdbcClient jdbc;
    private final SchoolDirectory directory;
    private final StudentRegistry students;
    private final GradebookLocks locks;
    private final AuditLog audit;
    private final Clock clock;
    private final ClassResultsStore results;
    private final AttendanceMonths months;

    public HomeroomRecords(JdbcClient jdbc, SchoolDirectory directory, StudentRegistry students, GradebookLocks locks,
            AuditLog audit, Clock clock, ClassResultsStore results, AttendanceMonths months) {
        this.results = results;
        this.months = months;
        this.jdbc = jdbc;
        this.directory = directory;
        this.students = students;
        this.locks = locks;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records (or clears, with {@code kind} null) a day's absence: "P" excused, "K" unexcused. */
    public void absence(SchoolClass schoolClass, long studentId, LocalDate day, String kind, Actor by) {
        if (day == null) {
            throw Rejected.invalid("Thiếu ngày nghỉ học (trường \"date\", dạng năm-tháng-ngày, ví dụ 2025-10-15).");
        }
        EnrolledStudent student = student(schoolClass, studentId);
        AcademicYear year = directory.year(schoolClass.yearId());
        int term = year.terms().stream().filter(t -> t.contains(day)).mapToInt(TermDates::number).findFirst()
                .orElseThrow(() -> Rejected.invalid("Ngày " + DAY.format(day) + " không thuộc học kì nào của năm học " + year.name() + "."));
        if (kind != null && !kind.equals("P") && !kind.equals("K")) {
            throw Rejected.invalid("Nghỉ học chỉ ghi P (có phép) hoặc K (không phép), không nhận \"" + kind + "\".");
        }
        locks.requireUnlocked(schoolClass, null, term, "Điểm danh lớp " + schoolClass.code());
        Optional<Boolean> old = jdbc.sql("select excused from absence where student_id = ? and absent_on = ?")
                .params(studentId, day).query(Boolean.class).optional();
        jdbc.sql("delete from absence where student_id = ? and absent_on = ?").params(studentId, day).update();
        if (kind != null) {
            jdbc.sql("insert into absence (class_id, student_id, absent_on, excused, updated_at, updated_by) values (?, ?, ?, ?, ?, ?)")
                    .params(schoolClass.id().value(), studentId, day, kind.equals("P"), Timestamp.from(clock.instant()),
                            by.username()).update();
        }
        audit.append(new AuditRecord(by, "ABSENCE_RECORDED", "absence " + schoolClass.code() + "/"
                + student.student().profile().code() + "/" + day, old.map(e -> e ? "P" : "K").orElse(null), kind, null, null));
        if (!java.util.Objects.equals(old.map(e -> e ? "P" : "K").orElse(null), kind)) {
            months.reopen(schoolClass, day, by);
        }
        results.recomputeBeforeCommit(schoolClass);
    }

    /** Absences per month of the class: P and K counts per student. */
    @Transactional(readOnly = true)
    public List<MonthlyAbsences> monthly(SchoolClass schoolClass, YearMonth month) {
        return jdbc.sql("select student_id, sum(case when excused then 1 else 0 end), sum(case when excused then 0 else 1 end) "
                + "from absence where class_id = ? and absent_on between ? and ? group by student_id order by student_id")
                .params(schoolClass.id().value(), month.atDay(1), month.atEndOfMonth())
                .query((rs, n) -> new MonthlyAbsences(rs.getLong(1), month, rs.getInt(2), rs.getInt(3))).list();
    }

    /** Every recorded absence of the class in {@code month}, day by day: the monthly attendance grid. */
    @Transactional(readOnly = true)
    public List<AbsenceDay> days(SchoolClass schoolClass, YearMonth month) {
        return days(schoolClass, month, month);
    }

    /**
     * Every recorded absence of the class from the first day of {@code first} to the last of {@code last}, by student
     * and day: a document's months in one query rather than two per month.
     */
    @Transactional(readOnly = true)
    public List<AbsenceDay> days(SchoolClass schoolClass, YearMonth first, YearMonth last) {
        return jdbc.sql("select student_id, absent_on, excused from absence where class_id = ? and absent_on between ? and ? "
                + "order by student_id, absent_on")
                .params(schoolClass.id().value(), first.atDay(1), last.atEndOfMonth())
                .query((rs, n) -> new AbsenceDay(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getBoolean(3))).list();
    }

    /** Total absences of the student in the class's school year (the 45-session rule, TT22 Art. 12). */
    @Transactional(readOnly = true)
    public int yearTotal(SchoolClass schoolClass, long studentId) {
        return jdbc.sql("select count(*) from absence where class_id = ? and student_id = ?")
                .params(schoolClass.id().value(), studentId).query(Integer.class).single();
    }

    /** Rates the student's conduct for {@code term} (1, 2; 3 = re-assessment after summer training). */
    public void conduct(SchoolClass schoolClass, long studentId, int term, String level, String comment, Actor by) {
        EnrolledStudent student = student(schoolClass, studentId);
        String rating = level == null ? null : Normalizer.normalize(level.trim(), Normalizer.Form.NFC);
        if (rating == null || !LEVELS.contains(rating)) {
            throw Rejected.invalid("Học sinh " + student.student().profile().fullName() + ": kết quả rèn luyện chỉ nhận T, K, Đ hoặc CĐ.");
        }
        if (term < 1 || term > 3) {
            throw Rejected.invalid("Học kì " + term + " không có (1, 2; 3 là đánh giá lại sau rèn luyện hè).");
        }
        if (term <= 2) {
            // The summer re-assessment (term 3) comes after the year is locked; it is closed by the final year-end decision.
            locks.requireUnlocked(schoolClass, null, term, "Kết quả rèn luyện lớp " + schoolClass.code());
        }
        Optional<String> old = jdbc.sql("select level from conduct_rating where class_id = ? and student_id = ? and term = ?")
                .params(schoolClass.id().value(), studentId, term).query(String.class).optional();
        jdbc.sql("delete from conduct_rating where class_id = ? and student_id = ? and term = ?")
                .params(schoolClass.id().value(), studentId, term).update();
        jdbc.sql("insert into conduct_rating (class_id, student_id, term, level, comment, updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?)")
                .params(schoolClass.id().value(), studentId, term, rating, comment, Timestamp.from(clock.instant()), by.username())
                .update();
        audit.append(new AuditRecord(by, "CONDUCT_RATED", "conduct " + schoolClass.code() + "/"
                + student.student().profile().code() + "/HK" + term, old.orElse(null), rating, comment, null));
        results.recomputeBeforeCommit(schoolClass);
    }

    private EnrolledStudent student(SchoolClass schoolClass, long studentId) {
        return students.roster(schoolClass.id()).stream().filter(e -> e.student().id().value() == studentId).findFirst()
                .orElseThrow(() -> Rejected.invalid("Học sinh mã số " + studentId + " không có tên trong lớp " + schoolClass.code() + "."));
    }

    /** P (excused) and K (unexcused) days of one student in one month. */
    public record MonthlyAbsences(long studentId, YearMonth month, int excused, int unexcused) {
    }

    /** One day a student was absent: excused (P) or not (K). */
    public record AbsenceDay(long studentId, LocalDate day, boolean excused) {
    }
}
