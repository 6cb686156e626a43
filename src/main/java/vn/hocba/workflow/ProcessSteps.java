package vn.hocba.workflow;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;
import vn.hocba.schoolyear.SchoolClass;

/**
 * Which user steps of a class's processes are open now (task definition ids of {@link TermCloseModel}
 * and {@link YearEndModel}), so a page offers only the buttons of the step that is waiting. Read only:
 * the steps themselves go through {@link TermCloseWorkflow} and {@link YearEndWorkflow}, which check again.
 */
@Service
public class ProcessSteps {

    private final TaskService tasks;
    private final RuntimeService runtime;

    public ProcessSteps(TaskService tasks, RuntimeService runtime) {
        this.tasks = tasks;
        this.runtime = runtime;
    }

    /** Whether the class's term close has been started and is still running. */
    public boolean termCloseRunning(SchoolClass schoolClass, int term) {
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(TermCloseModel.businessKey(schoolClass.id().value(), term)).count() > 0;
    }

    /** Whether the class's year end has been started and is still running. */
    public boolean yearEndRunning(SchoolClass schoolClass) {
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(YearEndModel.businessKey(schoolClass.id().value())).count() > 0;
    }

    /** The open steps of the class's term close; empty when it has not started or has ended. */
    public Set<String> termClose(SchoolClass schoolClass, int term) {
        return open(TermCloseModel.businessKey(schoolClass.id().value(), term));
    }

    /** The open steps of the class's year end; empty when it has not started or has ended. */
    public Set<String> yearEnd(SchoolClass schoolClass) {
        return open(YearEndModel.businessKey(schoolClass.id().value()));
    }

    private Set<String> open(String businessKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(businessKey).list().stream()
                .map(t -> t.getTaskDefinitionKey()).collect(Collectors.toSet());
    }
}
