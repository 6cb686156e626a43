package vn.hocba.documents;

import java.util.List;

/**
 * One student's line in a monthly attendance grid: for each day of the month "" (present), "P"
 * (excused absence) or "K" (unexcused absence), and the month's totals.
 */
public record AttendanceRow(String studentName, List<String> days, int excused, int unexcused) {

    public AttendanceRow {
        days = List.copyOf(days);
    }

    /** The mark of day {@code day} (1-based), "" beyond the month's last day. */
    public String day(int day) {
        return day <= days.size() ? days.get(day - 1) : "";
    }
}
