package vn.hocba.gradebook;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.audit.Actor;
import vn.hocba.audit.AuditLog;
import vn.hocba.audit.AuditRecord;
import vn.hocba.common.Rejected;
import vn.hocba.common.TermName;
import vn.hocba.schoolyear.AcademicYear;
import vn.hocba.schoolyear.TermDates;

/**
 * The dates of the periodic tests (mid-term, end-of-term) the school recorded for each term. They
 * drive the correction deadlines (seed 001) and the entry reminders (seed 000 §VII.2.7: mid-term
 * marks entered at the latest 10 days after the test).
 */
@Service
@Transactional
public class AssessmentCalendar {

    /** One recorded test date. */
    public record TestDate(int term, MarkKind kind, LocalDate date) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final JdbcClient jdbc;
    private final AuditLog audit;

    public AssessmentCalendar(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Optional<LocalDate> testDate(long yearId, int term, MarkKind kind) {
        return jdbc.sql("select test_date from assessment_date where school_year_id = ? and term = ? and kind = ?")
                .params(yearId, term, kind.name()).query(LocalDate.class).optional();
    }

    @Transactional(readOnly = true)
    public List<TestDate> of(long yearId) {
        return jdbc.sql("select term, kind, test_date from assessment_date where school_year_id = ? order by term, kind")
                .param(yearId).query((rs, n) -> new TestDate(rs.getInt(1), MarkKind.valueOf(rs.getString(2)),
                        rs.getObject(3, LocalDate.class))).list();
    }

    /** Records (or moves) the date of a term's mid-term or end-of-term test; audited with the old date. */
    public TestDate set(AcademicYear year, int term, MarkKind kind, LocalDate date, Actor by) {
        TermDates t = periodicTestTerm(year, term, kind);
        if (date == null || !t.contains(date)) {
            throw Rejected.invalid("Ngày kiểm tra " + (date == null ? "(trống)" : DAY.format(date)) + " không thuộc "
                    + TermName.of(term) + " (" + DAY.format(t.startsOn()) + " – " + DAY.format(t.endsOn()) + ").");
        }
        Optional<LocalDate> old = testDate(year.id().value(), term, kind);
        delete(year, term, kind);
        jdbc.sql("insert into assessment_date (school_year_id, term, kind, test_date) values (?, ?, ?, ?)")
                .params(year.id().value(), term, kind.name(), date).update();
        audit.append(new AuditRecord(by, "ASSESSMENT_DATE_SET", target(year, term, kind),
                old.map(LocalDate::toString).orElse(null), date.toString(), null, null));
        return new TestDate(term, kind, date);
    }

    /**
     * Removes a recorded date (typed by mistake, or the test is not held); audited with the old date, like
     * {@link #set}. Refused once a gradebook of that term is locked: the correction deadlines of the locked marks
     * (seed 001 §5) are counted from this date, and removing it would lift them afterwards; a wrong date is moved.
     */
    public void remove(AcademicYear year, int term, MarkKind kind, Actor by) {
        periodicTestTerm(year, term, kind);
        String test = "kiểm tra " + (kind == MarkKind.MIDTERM ? "giữa kì " : "cuối kì ") + TermName.of(term);
        LocalDate old = testDate(year.id().value(), term, kind).orElseThrow(() -> Rejected.notFound(
                "Chưa ghi ngày " + test + " nên không có ngày nào để xoá."));
        lockedGradebook(year, term).ifPresent(locked -> {
            throw Rejected.conflict("Không xoá được ngày " + test + " (" + DAY.format(old) + "): sổ điểm " + locked + " "
                    + TermName.of(term) + " đã khoá và hạn đề nghị sửa điểm của các điểm đã khoá tính từ ngày này. "
                    + "Nếu ngày đã ghi sai, hãy gõ ngày đúng để dời ngày kiểm tra.");
        });
        delete(year, term, kind);
        audit.append(new AuditRecord(by, "ASSESSMENT_DATE_REMOVED", target(year, term, kind), old.toString(), null, null, null));
    }

    /** The term of a mid-term or end-of-term test, or a refusal saying what is wrong. */
    private static TermDates periodicTestTerm(AcademicYear year, int term, MarkKind kind) {
        if (kind == MarkKind.REGULAR) {
            throw Rejected.invalid("Chỉ ghi ngày cho bài kiểm tra giữa kì (MIDTERM) hoặc cuối kì (FINAL).");
        }
        return year.terms().stream().filter(x -> x.number() == term).findFirst()
                .orElseThrow(() -> Rejected.invalid("Năm học " + year.name() + " không có " + TermName.of(term) + "."));
    }

    /** "toàn trường" or "lớp 6A1" when an active lock covers part of the term's gradebook. */
    private Optional<String> lockedGradebook(AcademicYear year, int term) {
        return jdbc.sql("select c.code from gradebook_lock l left join school_class c on c.id = l.class_id "
                + "where l.unlocked_at is null and l.school_year_id = ? and l.term = ? order by l.class_id nulls first, l.id")
                .params(year.id().value(), term).query((rs, n) -> rs.getString(1) == null ? "toàn trường" : "lớp " + rs.getString(1))
                .list().stream().findFirst();
    }

    private void delete(AcademicYear year, int term, MarkKind kind) {
        jdbc.sql("delete from assessment_date where school_year_id = ? and term = ? and kind = ?")
                .params(year.id().value(), term, kind.name()).update();
    }

    private static String target(AcademicYear year, int term, MarkKind kind) {
        return "assessment-date " + year.name() + "/HK" + term + "/" + kind;
    }
}
