package vn.hocba.documents;

import java.util.List;

/** One month of the class attendance grid (P: excused, K: unexcused). */
public record AttendanceMonth(String month, int days, List<AttendanceRow> rows) {

    public AttendanceMonth {
        rows = List.copyOf(rows);
        if (days < 28 || days > 31) {
            throw new IllegalArgumentException("a month has 28 to 31 days: " + days);
        }
    }
}
