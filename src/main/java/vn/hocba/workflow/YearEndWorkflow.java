package vn.hocba.workflow;

import java.util.Map;
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
    private final ConcurrentCompletion completion;

    public YearEndWorkflow(YearEnd yearEnd, RuntimeService runtime, TaskService tasks, ConcurrentCompletion completion) {
        this.yearEnd = yearEnd;
        this.runtime = runtime;
        this.tasks = tasks;
        this.completion = completion;
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
        step(schoolClass, YearEndModel.TASK_PROPOSAL, by.username(), () -> yearEnd.decide(schoolClass, YearEnd.Stage.PROPOSED, note, by),
                Map.of());
    }

    /** The principal approves the lists; without summer work the decisions are final at once. */
    public void approve(SchoolClass schoolClass, Actor by) {
        boolean summerWork = yearEnd.lists(schoolClass).summerWorkPending();
        step(schoolClass, YearEndModel.TASK_APPROVAL, null, () -> {
            yearEnd.decide(schoolClass, YearEnd.Stage.APPROVED, null, by);
            if (!summerWork) {
                yearEnd.decide(schoolClass, YearEnd.Stage.FINAL, "Không có học sinh đánh giá lại", by);
            }
        }, Map.of(YearEndModel.SUMMER_WORK, summerWork));
    }

    public void confirmSummerResults(SchoolClass schoolClass, Actor by) {
        step(schoolClass, YearEndModel.TASK_SUMMER_RESULTS, by.username(), () -> {
            if (yearEnd.lists(schoolClass).summerWorkPending()) {
                throw Rejected.conflict("Còn học sinh chưa có kết quả kiểm tra lại hoặc rèn luyện hè.");
            }
        }, Map.of());
    }

    public void approveFinal(SchoolClass schoolClass, Actor by) {
        step(schoolClass, YearEndModel.TASK_FINAL_APPROVAL, null,
                () -> yearEnd.decide(schoolClass, YearEnd.Stage.FINAL, null, by), Map.of());
    }

    private void step(SchoolClass schoolClass, String taskKey, String assignee, Runnable decision, Map<String, Object> flags) {
        completion.run(taskKey, () -> {
            var query = tasks.createTaskQuery().processInstanceBusinessKey(YearEndModel.businessKey(schoolClass.id().value()))
                    .taskDefinitionKey(taskKey);
            Task task = (assignee == null ? query : query.taskAssignee(assignee)).singleResult();
            if (task == null) {
                throw Rejected.conflict("Lớp " + schoolClass.code() + " không chờ bước này của bạn.");
            }
            decision.run();
            tasks.complete(task.getId(), flags);
            return null;
        });
    }
}
