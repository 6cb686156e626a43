package vn.hocba.gradebook;

import java.time.LocalDate;
import java.util.List;

/**
 * The deadline of each mark column of a term, from the school's rules and the dates it recorded (the term's
 * dates, the periodic test dates of {@link AssessmentCalendar}):
 * <ul>
 * <li>regular columns (ĐĐGtx): the first half of the columns the subject requires by the mid-term test, the
 * others by the end-of-term test (domain.md §2.2, seed 000 §V.3: "half of the regular assessments by mid-term,
 * all by term end"); without a recorded mid-term test date the first half is due with the others;</li>
 * <li>the mid-term mark (ĐĐGgk): 10 days after the mid-term test (seed 000 §VII.2.7); without that date, by the
 * end of the term;</li>
 * <li>the end-of-term mark (ĐĐGck): by the last day of the term (the term close needs it; seed 000 §VII.2.7
 * "right after marking, within the set time frame").</li>
 * </ul>
 * "By the end-of-term test" falls back to the last day of the term when that test date is not recorded.
 */
public record EntryColumnDeadlines(int term, LocalDate midtermTest, LocalDate finalTest, LocalDate termEnd) {

    /** Seed 000 §VII.2.7: mid-term marks entered at the latest 10 days after the test. */
    public static final int MIDTERM_ENTRY_DAYS = 10;

    /** A column's deadline and the rule it comes from, in Vietnamese. */
    public record Deadline(LocalDate date, String rule) {
    }

    /** The deadlines of {@code term} from its last day and the test dates recorded for the year. */
    public static EntryColumnDeadlines of(int term, LocalDate termEnd, List<AssessmentCalendar.TestDate> testDates) {
        LocalDate midterm = testDates.stream().filter(d -> d.term() == term && d.kind() == MarkKind.MIDTERM)
                .map(AssessmentCalendar.TestDate::date).findFirst().orElse(null);
        LocalDate end = testDates.stream().filter(d -> d.term() == term && d.kind() == MarkKind.FINAL)
                .map(AssessmentCalendar.TestDate::date).findFirst().orElse(null);
        return new EntryColumnDeadlines(term, midterm, end, termEnd);
    }

    /**
     * The deadline of a column: {@code kind} REGULAR with its {@code column} number (1…) among the
     * {@code regularColumns} the subject requires, or MIDTERM / FINAL.
     */
    public Deadline of(MarkKind kind, int column, int regularColumns) {
        return switch (kind) {
            case REGULAR -> {
                boolean firstHalf = column <= (regularColumns + 1) / 2;
                if (firstHalf && midtermTest != null) {
                    yield new Deadline(midtermTest, "một nửa số cột ĐĐGtx trước kiểm tra giữa kì");
                }
                yield finalTest != null ? new Deadline(finalTest, "đủ ĐĐGtx trước kiểm tra cuối kì")
                        : new Deadline(termEnd, "đủ ĐĐGtx trước khi hết học kì");
            }
            case MIDTERM -> midtermTest != null
                    ? new Deadline(midtermTest.plusDays(MIDTERM_ENTRY_DAYS), "10 ngày sau kiểm tra giữa kì")
                    : new Deadline(termEnd, "hết học kì (chưa ghi ngày kiểm tra giữa kì)");
            case FINAL -> new Deadline(termEnd, "hết học kì");
        };
    }
}
