package vn.hocba.students;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditLog;
import vn.hocba.audit.AuditRecord;
import vn.hocba.common.Rejected;
import vn.hocba.schoolyear.AcademicYear;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.SchoolYearId;
import vn.hocba.schoolyear.TermDates;

/**
 * Students leaving and arriving during or after a school year (issue 15, item 8): the transfer out
 * to another school (chuyển đi) keeps the enrolment and every record of the student, and takes the
 * student off the class list from then on ({@link StudentRegistry#roster}); the transfer in from
 * another school (chuyển đến) enrols a new or an earlier student mid-year; leaving after the last
 * grade (ra trường) is recorded by the rollover. Each is audited.
 */
@Service
@Transactional
public class StudentTransfers {

    /** Dates shown to people: dd/MM/yyyy (ui.md). */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** A recorded movement: what, when, the other school, the class it concerned. */
    public record Movement(long studentId, String studentCode, String studentName, String kind, LocalDate on,
            String otherSchool, String classCode) {
    }

    private final JdbcClient jdbc;
    private final StudentRegistry registry;
    private final SchoolDirectory directory;
    private final AuditLog audit;
    private final Clock clock;

    StudentTransfers(JdbcClient jdbc, StudentRegistry registry, SchoolDirectory directory,
            AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** The student leaves for {@code destination} on {@code on}; the enrolment of {@code year} and all records stay. */
    public void transferOut(StudentId id, SchoolYearId year, LocalDate on, String destination, Actor by) {
        Student student = registry.student(id);
        String who = student.profile().fullName() + " (" + student.profile().code() + ")";
        AcademicYear academicYear = directory.year(year);
        ClassId schoolClass = registry.enrolledClass(id, year).orElseThrow(() -> Rejected.conflict("Học sinh " + who
                + " không có tên trong lớp nào của năm học " + academicYear.name() + ": không chuyển đi được."));
        String school = required(destination, "Chuyển đi của học sinh " + who, "tên trường chuyển đến");
        requireInYear(academicYear, on, "Ngày chuyển đi của học sinh " + who);
        if (movement(id, year, "TRANSFER_OUT")) {
            throw Rejected.conflict("Học sinh " + who + " đã chuyển đi trong năm học " + academicYear.name() + ".");
        }
        record(id, year, schoolClass, "TRANSFER_OUT", on, school, by);
        audit.append(new AuditRecord(by, "STUDENT_TRANSFERRED_OUT", "student " + id.value(),
                directory.schoolClass(schoolClass).code(), school + " từ " + on, null, null));
    }

    /** An earlier student of the school arrives back from {@code origin} and joins {@code schoolClass}. */
    public void transferIn(StudentId id, ClassId schoolClass, LocalDate on, String origin, Actor by) {
        SchoolClass target = directory.schoolClass(schoolClass);
        Student student = registry.student(id);
        String who = student.profile().fullName() + " (" + student.profile().code() + ")";
        String school = required(origin, "Chuyển đến của học sinh " + who, "tên trường chuyển đi");
        requireInYear(directory.year(target.yearId()), on, "Ngày chuyển đến của học sinh " + who);
        registry.enrol(id, schoolClass);
        record(id, target.yearId(), schoolClass, "TRANSFER_IN", on, school, by);
        audit.append(new AuditRecord(by, "STUDENT_TRANSFERRED_IN", "student " + id.value(), school,
                target.code() + " từ " + on, null, null));
    }

    /** A new student arrives from {@code origin}: profile, place in {@code schoolClass} and the transfer, all or nothing. */
    public StudentId transferInNew(StudentProfile profile, ClassId schoolClass, LocalDate on, String origin, Actor by) {
        SchoolClass target = directory.schoolClass(schoolClass);
        StudentId id = registry.register(directory.year(target.yearId()).schoolId(), profile);
        transferIn(id, schoolClass, on, origin, by);
        return id;
    }

    /** The student leaves the school after the last grade of {@code year} (the rollover); once per year. */
    public boolean graduate(StudentId id, SchoolYearId year, ClassId schoolClass, LocalDate on, Actor by) {
        if (movement(id, year, "GRADUATED")) {
            return false;
        }
        record(id, year, schoolClass, "GRADUATED", on, null, by);
        return true;
    }

    /** Whether the student already left or graduated in {@code year}. */
    @Transactional(readOnly = true)
    public boolean left(StudentId id, SchoolYearId year) {
        return movement(id, year, "TRANSFER_OUT") || movement(id, year, "GRADUATED");
    }

    /** Every movement of the year, newest first, for the students' page. */
    @Transactional(readOnly = true)
    public List<Movement> ofYear(SchoolYearId year) {
        return jdbc.sql("select m.*, s.code, s.full_name, c.code as class_code from student_movement m join student s on s.id = m.student_id "
                + "left join school_class c on c.id = m.class_id where m.school_year_id = ? order by m.on_date desc, m.id desc")
                .param(year.value()).query((rs, n) -> new Movement(rs.getLong("student_id"), rs.getString("code"),
                        rs.getString("full_name"), rs.getString("kind"), rs.getDate("on_date").toLocalDate(),
                        rs.getString("other_school"), rs.getString("class_code"))).list();
    }

    private void record(StudentId id, SchoolYearId year, ClassId schoolClass, String kind, LocalDate on, String otherSchool,
            Actor by) {
        jdbc.sql("insert into student_movement (student_id, school_year_id, class_id, kind, on_date, other_school, recorded_by, "
                + "recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)").params(id.value(), year.value(),
                schoolClass == null ? null : schoolClass.value(), kind, on, otherSchool, by.username(),
                Timestamp.from(clock.instant())).update();
    }

    private boolean movement(StudentId id, SchoolYearId year, String kind) {
        return jdbc.sql("select count(*) from student_movement where student_id = ? and school_year_id = ? and kind = ?")
                .params(id.value(), year.value(), kind).query(Long.class).single() > 0;
    }

    private static String required(String text, String where, String what) {
        if (text == null || text.isBlank()) {
            throw Rejected.invalid(where + ": thiếu " + what + ".");
        }
        String school = text.strip();
        if (school.length() > 200 || school.codePoints().anyMatch(Character::isISOControl)) {
            throw Rejected.invalid(where + ": " + what + " dài quá 200 ký tự hoặc có ký tự điều khiển.");
        }
        return school;
    }

    private static void requireInYear(AcademicYear year, LocalDate on, String what) {
        if (on == null) {
            throw Rejected.invalid(what + ": thiếu ngày.");
        }
        LocalDate first = year.terms().stream().map(TermDates::startsOn).min(LocalDate::compareTo).orElse(on);
        LocalDate last = year.terms().stream().map(TermDates::endsOn).max(LocalDate::compareTo).orElse(on);
        if (on.isBefore(first) || on.isAfter(last)) {
            throw Rejected.invalid(what + " " + DAY.format(on) + " không nằm trong năm học " + year.name() + " (" + DAY.format(first)
                    + " – " + DAY.format(last) + ").");
        }
    }
}
