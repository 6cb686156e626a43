package vn.hocba.gradebook.homeroom;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One month of a class's attendance and whether its homeroom teacher has confirmed it
 * ({@code confirmedAt} null when not). {@code deadline}: the 3rd of the next month (domain.md §2,
 * seed 000 §VII.1.2 "vào ngày đầu tháng kế tiếp"); {@code late} when confirmed after it.
 */
public record MonthConfirmation(YearMonth month, LocalDate deadline, Instant confirmedAt, String confirmedBy, boolean late) {

    /** The day by which the homeroom teacher confirms {@code month}. */
    public static LocalDate deadlineOf(YearMonth month) {
        return month.plusMonths(1).atDay(3);
    }

    /** How a month is written in messages: "10/2025". */
    public static String label(YearMonth month) {
        return month.getMonthValue() + "/" + month.getYear();
    }

    public boolean confirmed() {
        return confirmedAt != null;
    }
}
