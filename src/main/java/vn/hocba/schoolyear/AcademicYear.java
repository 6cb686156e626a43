package vn.hocba.schoolyear;

import java.util.List;

/** A school year such as 2025-2026, with its two terms. Exactly one year of a school is ACTIVE. */
public record AcademicYear(SchoolYearId id, SchoolId schoolId, String name, int startYear, Status status,
        List<TermDates> terms) {

    public enum Status { PLANNED, ACTIVE, CLOSED }

    /** The canonical name of the year starting in {@code startYear}: "2025-2026". */
    public static String nameOf(int startYear) {
        return startYear + "-" + (startYear + 1);
    }
}
