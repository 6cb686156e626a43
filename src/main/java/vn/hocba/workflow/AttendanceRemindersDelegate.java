package vn.hocba.workflow;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_SendAttendanceReminders of the AttendanceReminders process (daily timer). Idempotent per class and month. */
@Component("sendAttendanceReminders")
class AttendanceRemindersDelegate implements JavaDelegate {

    private final AttendanceReminders reminders;
    private final Clock clock;

    AttendanceRemindersDelegate(AttendanceReminders reminders, Clock clock) {
        this.reminders = reminders;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reminders.remind(LocalDate.now(clock));
    }
}
