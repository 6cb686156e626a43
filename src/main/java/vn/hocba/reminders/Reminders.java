package vn.hocba.reminders;

import java.time.LocalDate;

/**
 * A school rule that tells people what they are late with. Run by a timer process any number of
 * times a day: each reminder is sent once (its notice carries a dedupe key).
 */
public interface Reminders {

    /** Sends the reminders due on {@code today}; returns how many were sent now (none twice). */
    int remind(LocalDate today);
}
