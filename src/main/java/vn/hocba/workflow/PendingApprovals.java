package vn.hocba.workflow;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What waits for the principal's decision or signature across the school: term approvals, year-end
 * approvals (lists and final), grade corrections, and classes whose transcripts wait for the principal's
 * signature, and packages waiting for the clerk's archiving. Only ids from the engine; the pages read the domain records (sign-offs, requests) themselves,
 * and the decisions go through the workflows' own methods, which record who decided.
 */
@Service
@Transactional(readOnly = true)
public class PendingApprovals {

    /** What is to be approved or signed. */
    public enum Kind { TERM, YEAR_END, YEAR_END_FINAL, CORRECTION, SIGN_DOCUMENTS, ARCHIVE_PACKAGE }

    /** One open decision: the class (and term, or correction) it is about, and since when it waits. */
    public record PendingApproval(Kind kind, long classId, Integer term, Long correctionId, Date since) {
    }

    private static final Map<String, Kind> TASKS = Map.of(
            TermCloseModel.TASK_PRINCIPAL_APPROVAL, Kind.TERM,
            YearEndModel.TASK_APPROVAL, Kind.YEAR_END,
            YearEndModel.TASK_FINAL_APPROVAL, Kind.YEAR_END_FINAL,
            GradeCorrectionModel.TASK_PRINCIPAL_APPROVE, Kind.CORRECTION,
            ClassDocumentsModel.TASK_PRINCIPAL_SIGNS, Kind.SIGN_DOCUMENTS,
            ClassDocumentsModel.TASK_CLERK_ARCHIVES, Kind.ARCHIVE_PACKAGE);

    private final TaskService tasks;

    public PendingApprovals(TaskService tasks) {
        this.tasks = tasks;
    }

    /** Every open decision of the school, oldest first. */
    public List<PendingApproval> open() {
        List<PendingApproval> open = new ArrayList<>();
        for (Task task : tasks.createTaskQuery().taskDefinitionKeyIn(TASKS.keySet().toArray(String[]::new))
                .orderByTaskCreateTime().asc().list()) {
            Map<String, Object> variables = tasks.getVariables(task.getId());
            Kind kind = TASKS.get(task.getTaskDefinitionKey());
            Number classId = (Number) variables.get(TermCloseModel.CLASS_ID);
            Number term = (Number) variables.get(TermCloseModel.TERM);
            Number correction = (Number) variables.get(GradeCorrectionModel.CORRECTION_ID);
            open.add(new PendingApproval(kind, classId == null ? 0 : classId.longValue(),
                    term == null ? null : term.intValue(), correction == null ? null : correction.longValue(),
                    task.getCreateTime()));
        }
        return open;
    }
}
