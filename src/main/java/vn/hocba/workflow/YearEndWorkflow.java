package vn.hocba.workflow;

import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import vn.hocba.audit.Actor;
import vn.hocba.common.Rejected;
import vn.hocba.gradebook.closing.YearEnd;
import vn.hocba.schoolyear.SchoolClass;

/** Drives the YearEnd process of one class: each step records the decision and completes the task together. */
@Service
public class YearEndWorkflow {

    private final YearEnd yearEnd;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final RepositoryService repository;
    private final ConcurrentCompletion completion;
    private final YearEndReturns returns;

    public YearEndWorkflow(YearEnd yearEnd, RuntimeService runtime, TaskService tasks, RepositoryService repository,
            ConcurrentCompletion completion, YearEndReturns returns) {
        this.yearEnd = yearEnd;
        this.runtime = runtime;
        this.tasks = tasks;
        this.repository = repository;
        this.completion = completion;
        this.returns = returns;
    }

    public String start(SchoolClass schoolClass) {
        String key = YearEndModel.businessKey(schoolClass.id().value());
        if (runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count() > 0) {
            throw Rejected.conflict("Lớp " + schoolClass.code() + " đang xét lên lớp cuối năm.");
        }
        return runtime.startProcessInstanceByKey(YearEndModel.PROCESS, key,
                Map.of(TermCloseModel.CLASS_ID, schoolClass.id().value())).getId();
    }

    public void propose(SchoolClass schoolClass, String note, Actor by) {
        step(schoolClass, YearEndModel.TASK_PROPOSAL, by.username(), t -> yearEnd.decide(schoolClass, YearEnd.Stage.PROPOSED, note, by),
                Map.of());
    }

    /** The principal approves the lists; without summer work the decisions are final at once. */
    public void approve(SchoolClass schoolClass, Actor by) {
        boolean summerWork = yearEnd.lists(schoolClass).summerWorkPending();
        step(schoolClass, YearEndModel.TASK_APPROVAL, null, t -> {
            yearEnd.decide(schoolClass, YearEnd.Stage.APPROVED, null, by);
            if (!summerWork) {
                yearEnd.decide(schoolClass, YearEnd.Stage.FINAL, "Không có học sinh đánh giá lại", by);
            }
        }, Map.of(YearEndModel.SUMMER_WORK, summerWork));
    }

    /**
     * The principal sends the proposed lists back to the homeroom teacher with a reason: the proposal is marked
     * sent back, the homeroom teacher is told, and the process (whose gateway reads that record) returns to the proposal.
     */
    public YearEnd.Rejection reject(SchoolClass schoolClass, String reason, Actor by) {
        return sendBack(schoolClass, YearEndModel.TASK_APPROVAL, YearEndModel.GATEWAY_LISTS_APPROVED, YearEnd.Stage.PROPOSED,
                reason, by);
    }

    /** The homeroom teacher confirms that every retest and summer conduct rating is entered (recorded as SUMMER). */
    public void confirmSummerResults(SchoolClass schoolClass, Actor by) {
        step(schoolClass, YearEndModel.TASK_SUMMER_RESULTS, by.username(),
                t -> yearEnd.decide(schoolClass, YearEnd.Stage.SUMMER, null, by), Map.of());
    }

    public void approveFinal(SchoolClass schoolClass, Actor by) {
        step(schoolClass, YearEndModel.TASK_FINAL_APPROVAL, null,
                t -> yearEnd.decide(schoolClass, YearEnd.Stage.FINAL, null, by), Map.of());
    }

    /** The principal sends the summer results back: the process returns to the homeroom teacher's confirmation. */
    public YearEnd.Rejection rejectFinal(SchoolClass schoolClass, String reason, Actor by) {
        return sendBack(schoolClass, YearEndModel.TASK_FINAL_APPROVAL, YearEndModel.GATEWAY_FINAL_APPROVED, YearEnd.Stage.SUMMER,
                reason, by);
    }

    private YearEnd.Rejection sendBack(SchoolClass schoolClass, String taskKey, String gateway, YearEnd.Stage stage, String reason,
            Actor by) {
        YearEnd.Rejection[] done = new YearEnd.Rejection[1];
        step(schoolClass, taskKey, null, task -> {
            if (repository.getBpmnModelInstance(task.getProcessDefinitionId()).getModelElementById(gateway) == null) {
                throw Rejected.conflict("Quy trình xét lên lớp của lớp " + schoolClass.code() + " được bắt đầu trước khi có bước "
                        + "«không duyệt»; bước này chỉ duyệt được. Nếu cần sửa, hãy đề nghị sửa điểm sau khi duyệt.");
            }
            done[0] = yearEnd.reject(schoolClass, stage, reason, by);
            returns.tell(schoolClass, done[0], by);
        }, Map.of());
        return done[0];
    }

    private void step(SchoolClass schoolClass, String taskKey, String assignee, Consumer<Task> decision, Map<String, Object> flags) {
        completion.run(taskKey, () -> {
            var query = tasks.createTaskQuery().processInstanceBusinessKey(YearEndModel.businessKey(schoolClass.id().value()))
                    .taskDefinitionKey(taskKey);
            Task task = (assignee == null ? query : query.taskAssignee(assignee)).singleResult();
            if (task == null) {
                throw Rejected.conflict("Lớp " + schoolClass.code() + " không chờ bước này của bạn.");
            }
            decision.accept(task);
            tasks.complete(task.getId(), flags);
            return null;
        });
    }
}
