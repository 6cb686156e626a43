package vn.hocba.workflow;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.audit.Actor;
import vn.hocba.common.Rejected;
import vn.hocba.gradebook.corrections.CorrectionRequest;
import vn.hocba.gradebook.corrections.Corrections;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.HomeroomAssignment;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.security.Accounts;

/**
 * Drives the GradeCorrection process: each step changes the domain request and completes the
 * process task in one transaction (Camunda shares the application's transaction manager).
 */
@Service
@Transactional
public class CorrectionWorkflow {

    private final Corrections corrections;
    private final SchoolDirectory directory;
    private final Accounts accounts;
    private final RuntimeService runtime;
    private final TaskService tasks;

    public CorrectionWorkflow(Corrections corrections, SchoolDirectory directory, Accounts accounts,
            RuntimeService runtime, TaskService tasks) {
        this.corrections = corrections;
        this.directory = directory;
        this.accounts = accounts;
        this.runtime = runtime;
        this.tasks = tasks;
    }

    public Corrections.Filed request(Corrections.Request request, Actor by) {
        HomeroomAssignment homeroom = directory.homeroomOf(new ClassId(request.classId()))
                .orElseThrow(() -> Rejected.conflict("Lớp chưa có giáo viên chủ nhiệm để xác nhận đề nghị sửa điểm."));
        String homeroomUser = accounts.byStaff(homeroom.teacher().id())
                .orElseThrow(() -> Rejected.conflict("Giáo viên chủ nhiệm " + homeroom.teacher().fullName()
                        + " chưa có tài khoản để xác nhận đề nghị sửa điểm.")).username();
        Corrections.Filed filed = corrections.request(request, by);
        long id = filed.request().id();
        runtime.startProcessInstanceByKey(GradeCorrectionModel.PROCESS, GradeCorrectionModel.businessKey(id),
                Map.of(GradeCorrectionModel.CORRECTION_ID, id, GradeCorrectionModel.HOMEROOM_TEACHER, homeroomUser,
                        GradeCorrectionModel.REQUESTER, by.username()));
        return filed;
    }

    public CorrectionRequest confirm(long id, Actor by) {
        CorrectionRequest request = corrections.confirm(id, by);
        complete(id, GradeCorrectionModel.TASK_HOMEROOM_CONFIRM, Map.of(GradeCorrectionModel.CONFIRMED, true));
        return request;
    }

    public CorrectionRequest returnToTeacher(long id, String reason, Actor by) {
        CorrectionRequest request = corrections.returnToTeacher(id, reason, by);
        complete(id, GradeCorrectionModel.TASK_HOMEROOM_CONFIRM, Map.of(GradeCorrectionModel.CONFIRMED, false));
        return request;
    }

    public CorrectionRequest approve(long id, String overrideReason, Actor by) {
        CorrectionRequest request = corrections.approve(id, overrideReason, by);
        complete(id, GradeCorrectionModel.TASK_PRINCIPAL_APPROVE, Map.of(GradeCorrectionModel.APPROVED, true));
        return request;
    }

    public CorrectionRequest reject(long id, String reason, Actor by) {
        CorrectionRequest request = corrections.reject(id, reason, by);
        complete(id, GradeCorrectionModel.TASK_PRINCIPAL_APPROVE, Map.of(GradeCorrectionModel.APPROVED, false));
        return request;
    }

    private void complete(long correctionId, String taskKey, Map<String, Object> flags) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(GradeCorrectionModel.businessKey(correctionId))
                .taskDefinitionKey(taskKey).singleResult();
        if (task == null) {
            throw Rejected.conflict("Đề nghị sửa điểm số " + correctionId + " không chờ bước này.");
        }
        tasks.complete(task.getId(), flags);
    }
}
