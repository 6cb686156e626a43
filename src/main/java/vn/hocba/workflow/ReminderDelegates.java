package vn.hocba.workflow;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.hocba.reminders.AttendanceReminders;
import vn.hocba.reminders.EntryReminders;
import vn.hocba.reminders.Reminders;

/** The service tasks of the timer processes that send reminders: each asks its rule what is due today. */
@Configuration
class ReminderDelegates {

    /** Task_SendEntryReminders of the EntryReminders process (weekly timer). Idempotent per week. */
    @Bean("sendEntryReminders")
    JavaDelegate sendEntryReminders(EntryReminders reminders, Clock clock) {
        return today(reminders, clock);
    }

    /** Task_SendAttendanceReminders of the AttendanceReminders process (daily timer). Idempotent per class and month. */
    @Bean("sendAttendanceReminders")
    JavaDelegate sendAttendanceReminders(AttendanceReminders reminders, Clock clock) {
        return today(reminders, clock);
    }

    private static JavaDelegate today(Reminders reminders, Clock clock) {
        return execution -> reminders.remind(LocalDate.now(clock));
    }
}
