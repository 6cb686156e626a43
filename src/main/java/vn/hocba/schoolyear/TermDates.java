package vn.hocba.schoolyear;

import java.time.LocalDate;

/** Học kì I ({@code number} 1) or học kì II (2) of a school year. */
public record TermDates(int number, LocalDate startsOn, LocalDate endsOn) {

    public boolean contains(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }
}
