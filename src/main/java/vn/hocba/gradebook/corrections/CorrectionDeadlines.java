package vn.hocba.gradebook.corrections;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.hocba.gradebook.AssessmentCalendar;
import vn.hocba.gradebook.MarkKind;
/**
 * Seed 001 §5: regular marks can be corrected until two weeks before the next periodic test
 * (mid-term test for marks given before it, end-of-term test after); mid-term and end-of-term
 * marks until five days after their test. <b>Interpretation</b>: "the next periodic test" is taken
 * from the day the mark was last written; without test dates on record there is no deadline.
 */
@Component
class CorrectionDeadlines {

    static final int REGULAR_DAYS_BEFORE_TEST = 14;
    static final int PERIODIC_DAYS_AFTER_TEST = 5;

    private final AssessmentCalendar calendar;

    CorrectionDeadlines(AssessmentCalendar calendar) {
        this.calendar = calendar;
    }

    /** The last day a correction may be requested, if the school recorded its test dates. */
    Optional<LocalDate> deadline(long yearId, int term, MarkKind kind, LocalDate markWritten) {
        Optional<LocalDate> midterm = calendar.testDate(yearId, term, MarkKind.MIDTERM);
        Optional<LocalDate> fin = calendar.testDate(yearId, term, MarkKind.FINAL);
        return switch (kind) {
            case MIDTERM -> midterm.map(d -> d.plusDays(PERIODIC_DAYS_AFTER_TEST));
            case FINAL -> fin.map(d -> d.plusDays(PERIODIC_DAYS_AFTER_TEST));
            case REGULAR -> midterm.filter(d -> markWritten.isBefore(d)).or(() -> fin)
                    .map(d -> d.minusDays(REGULAR_DAYS_BEFORE_TEST));
        };
    }
}
