package vn.hocba.workflow;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_SendEntryReminders of the EntryReminders process (weekly timer). Idempotent per week. */
@Component("sendEntryReminders")
class EntryRemindersDelegate implements JavaDelegate {

    private final EntryReminders reminders;
    private final Clock clock;

    EntryRemindersDelegate(EntryReminders reminders, Clock clock) {
        this.reminders = reminders;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reminders.remind(LocalDate.now(clock));
    }
}
