package vn.hocba.workflow;

import java.sql.Date;
import java.time.YearMonth;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.hocba.schoolyear.ClassId;

/**
 * Whether a class's attendance of a month has been taken care of by its homeroom teacher.
 *
 * <p>NOTE (interim): the gradebook does not record "month confirmed" yet (attendance month
 * confirmation is being added on another branch). Until it does, a month counts as done when the
 * class has at least one absence recorded in it: a class with no absence at all in a month is
 * reminded although nothing was missing. When the confirmation exists, this is the one place to
 * change: ask the gradebook whether the class's month is confirmed.
 */
@Component
class AttendanceMonths {

    private final JdbcClient jdbc;

    AttendanceMonths(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean done(ClassId schoolClass, YearMonth month) {
        return jdbc.sql("select count(*) from absence where class_id = ? and absent_on >= ? and absent_on < ?")
                .params(schoolClass.value(), Date.valueOf(month.atDay(1)), Date.valueOf(month.plusMonths(1).atDay(1)))
                .query(Long.class).single() > 0;
    }
}
