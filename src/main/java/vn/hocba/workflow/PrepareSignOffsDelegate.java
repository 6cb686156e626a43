package vn.hocba.workflow;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.TeachingAssignment;

/** Task_PrepareSignOffs: one sign-off per teaching assignment of the class (co-teachers each sign). Idempotent. */
@Component("prepareSignOffs")
class PrepareSignOffsDelegate implements JavaDelegate {

    private final SchoolDirectory directory;

    PrepareSignOffsDelegate(SchoolDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long classId = ((Number) execution.getVariable(TermCloseModel.CLASS_ID)).longValue();
        ArrayList<Long> assignments = new ArrayList<>(directory.teachingAssignmentsOfClass(new ClassId(classId)).stream()
                .map(TeachingAssignment::id).toList());
        execution.setVariable(TermCloseModel.ASSIGNMENTS, assignments);
    }
}
