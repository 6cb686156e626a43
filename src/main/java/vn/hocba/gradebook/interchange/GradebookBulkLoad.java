package vn.hocba.gradebook.interchange;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.gradebook.MarkEntry;
import vn.hocba.gradebook.homeroom.AbsenceEntry;
import vn.hocba.gradebook.homeroom.ConductEntry;
/**
 * Inserts many gradebook entries at once in one transaction (JDBC batches). For loading data
 * that has no history yet, such as the demo school; everyday entry goes through mark entry.
 */
@Service
@Transactional
public class GradebookBulkLoad {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public GradebookBulkLoad(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void marks(List<MarkEntry> marks, String by) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("insert into mark (class_id, subject_id, student_id, term, kind, column_no, score, level, "
                + "updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", marks, 500, (ps, m) -> {
                    ps.setLong(1, m.schoolClass().value());
                    ps.setLong(2, m.subject().value());
                    ps.setLong(3, m.student().value());
                    ps.setInt(4, m.term());
                    ps.setString(5, m.kind().name());
                    ps.setInt(6, m.column());
                    ps.setBigDecimal(7, m.score());
                    ps.setString(8, m.level());
                    ps.setTimestamp(9, now);
                    ps.setString(10, by);
                });
    }

    public void conduct(List<ConductEntry> ratings, String by) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("insert into conduct_rating (class_id, student_id, term, level, comment, updated_at, updated_by) "
                + "values (?, ?, ?, ?, ?, ?, ?)", ratings, 500, (ps, c) -> {
                    ps.setLong(1, c.schoolClass().value());
                    ps.setLong(2, c.student().value());
                    ps.setInt(3, c.term());
                    ps.setString(4, c.level());
                    ps.setString(5, c.comment());
                    ps.setTimestamp(6, now);
                    ps.setString(7, by);
                });
    }

    public void absences(List<AbsenceEntry> absences, String by) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("insert into absence (class_id, student_id, absent_on, excused, updated_at, updated_by) "
                + "values (?, ?, ?, ?, ?, ?)", absences, 500, (ps, a) -> {
                    ps.setLong(1, a.schoolClass().value());
                    ps.setLong(2, a.student().value());
                    ps.setObject(3, a.day());
                    ps.setBoolean(4, a.excused());
                    ps.setTimestamp(5, now);
                    ps.setString(6, by);
                });
    }

    /** Records the homeroom teacher's confirmation of each of {@code months} (demo and test data; not audited, like the rest of a bulk load). */
    public void confirmedMonths(ClassId schoolClass, List<YearMonth> months, String by) {
        Timestamp now = Timestamp.from(clock.instant());
        for (YearMonth month : months) {
            if (jdbc.queryForObject("select count(*) from attendance_month where class_id = ? and month_start = ?", Long.class,
                    schoolClass.value(), month.atDay(1)) == 0) {
                jdbc.update("insert into attendance_month (class_id, month_start, confirmed_at, confirmed_by) values (?, ?, ?, ?)",
                        schoolClass.value(), month.atDay(1), now, by);
            }
        }
    }

    /** Counts stored marks of a class (readiness and tests). */
    public long markCount(ClassId schoolClass, int term) {
        return jdbc.queryForObject("select count(*) from mark where class_id = ? and term = ?", Long.class,
                schoolClass.value(), term);
    }
}
