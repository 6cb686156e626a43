package vn.hocba.workflow;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.task.NativeTaskQuery;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SubjectId;
import vn.hocba.schoolyear.TeachingAssignment;

/**
 * Finds a subject teacher's open sign-off (or rework) task of one subject in a class's TermClose with one
 * query (issue 19): the task assigned to the teacher whose execution holds the multi-instance's
 * {@code assignmentId} (a variable local to the inner execution, which the task query API cannot match), or
 * the rework task of the process's {@code reworkAssignmentId}, for one of the subject's teaching assignments
 * in the class. Before, each candidate task's variable was read with a command of its own. Since session 16 the
 * model's subject sign-offs are domain records ({@link TermCloseSignOffs}): this finds the rework task, and the
 * sign-off tasks of instances started on the earlier model version.
 */
@Component
class SubjectSignOffTasks {

    private final TaskService tasks;
    private final ManagementService management;
    private final TermCloseTasks people;
    private volatile String sql;

    SubjectSignOffTasks(TaskService tasks, ManagementService management, TermCloseTasks people) {
        this.tasks = tasks;
        this.management = management;
        this.people = people;
    }

    /** The teacher's open task of the subject, if any (at most one: one assignment per teacher and subject). */
    Task find(SchoolClass schoolClass, SubjectId subject, int term, String username) {
        List<TeachingAssignment> assignments = people.assignmentsOf(schoolClass, subject);
        if (assignments.isEmpty()) {
            return null;
        }
        StringBuilder ids = new StringBuilder();
        NativeTaskQuery query = tasks.createNativeTaskQuery();
        for (int i = 0; i < assignments.size(); i++) {
            ids.append(i == 0 ? "" : ", ").append("#{a").append(i).append('}');
            query.parameter("a" + i, assignments.get(i).id());
        }
        List<Task> found = query.sql(sql().replace("#{assignments}", ids))
                .parameter("key", TermCloseModel.businessKey(schoolClass.id().value(), term))
                .parameter("assignee", username)
                .parameter("signOff", TermCloseModel.TASK_SUBJECT_SIGN_OFF)
                .parameter("assignmentId", TermCloseModel.ASSIGNMENT_ID)
                .parameter("rework", TermCloseModel.TASK_SUBJECT_REWORK)
                .parameter("reworkAssignmentId", TermCloseModel.REWORK_ASSIGNMENT_ID)
                .list();
        return found.isEmpty() ? null : found.get(0);
    }

    private String sql() {
        if (sql == null) {
            sql = "select RES.* from " + management.getTableName(TaskEntity.class) + " RES"
                    + " join " + management.getTableName(ExecutionEntity.class) + " P on P.ID_ = RES.PROC_INST_ID_"
                    + " join " + management.getTableName(VariableInstanceEntity.class) + " V on V.PROC_INST_ID_ = RES.PROC_INST_ID_"
                    + " where P.BUSINESS_KEY_ = #{key} and RES.ASSIGNEE_ = #{assignee} and V.TASK_ID_ is null"
                    + " and ((RES.TASK_DEF_KEY_ = #{signOff} and V.EXECUTION_ID_ = RES.EXECUTION_ID_ and V.NAME_ = #{assignmentId})"
                    + " or (RES.TASK_DEF_KEY_ = #{rework} and V.NAME_ = #{reworkAssignmentId}))"
                    + " and V.LONG_ in (#{assignments}) order by RES.ID_";
        }
        return sql;
    }
}
