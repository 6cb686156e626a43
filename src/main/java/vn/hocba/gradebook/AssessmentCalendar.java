package vn.hocba.gradebook;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The dates of the periodic tests (mid-term, end-of-term) the school recorded for each term. */
@Service
public class AssessmentCalendar {

    private final JdbcClient jdbc;

    public AssessmentCalendar(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<LocalDate> testDate(long yearId, int term, MarkKind kind) {
        return jdbc.sql("select test_date from assessment_date where school_year_id = ? and term = ? and kind = ?")
                .params(yearId, term, kind.name()).query(LocalDate.class).optional();
    }
}
