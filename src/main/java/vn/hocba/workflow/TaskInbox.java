package vn.hocba.workflow;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hocba.gradebook.homeroom.MonthConfirmation;
import vn.hocba.gradebook.closing.Readiness;
import vn.hocba.gradebook.closing.SummerWork;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.TeachingAssignment;
import vn.hocba.security.Role;
import vn.hocba.security.Viewer;

/**
 * A person's open tasks with their business context: which class, subject and term, what to do,
 * since when and until when, and — for a subject sign-off or the summer results — what is still
 * missing. Retest tasks of subject teachers are derived from the domain ({@link RetestTasks}), and so are
 * subject sign-offs while the class waits at the term close's class-level step, and each co-teacher's subject sent
 * back ({@link WaitingSubjectSignOffs}); their id is not an engine task's.
 */
@Service
@Transactional(readOnly = true)
public class TaskInbox {

    /**
     * One open task as the inbox shows it; {@code step} is the model's task id (e.g.
     * {@code Task_SubjectSignOff}, see the {@code *Model} constants; {@link #RETEST_STEP} for retests),
     * from which the pages choose where the task is done; {@code returned} says who sent the step back, when and
     * why (a subject sent back by the homeroom teacher, a term not approved by the principal), else null.
     */
    public record InboxTask(String taskId, String action, String process, String classCode, Long classId,
            String subjectCode, String subjectName, Integer term, Long correctionId, Date created, Date due,
            List<String> missing, String step, String returned) {
    }

    /** The step of a retest task (not an engine task: derived from the domain by {@link RetestTasks}). */
    public static final String RETEST_STEP = "Retest";

    private final TaskService tasks;
    private final SchoolDirectory directory;
    private final TermCloseTasks people;
    private static final Set<String> HOMEROOM_TASKS =
            Set.of(TermCloseModel.TASK_HOMEROOM_CHECK, TermCloseModel.TASK_HOMEROOM_SIGN_OFF);

    private final Readiness readiness;
    private final SummerWork summer;
    private final RetestTasks retests;
    private final WaitingSubjectSignOffs waitingSignOffs;
    private final TermCloseReturns returns;

    public TaskInbox(TaskService tasks, SchoolDirectory directory, TermCloseTasks people, Readiness readiness,
            SummerWork summer, RetestTasks retests, WaitingSubjectSignOffs waitingSignOffs, TermCloseReturns returns) {
        this.returns = returns;
        this.waitingSignOffs = waitingSignOffs;
        this.summer = summer;
        this.retests = retests;
        this.tasks = tasks;
        this.directory = directory;
        this.people = people;
        this.readiness = readiness;
    }

    public List<InboxTask> of(Viewer viewer) {
        List<String> groups = viewer.roles().stream().filter(Role::isGranted).map(CamundaIdentitySync::groupOf).toList();
        var query = tasks.createTaskQuery().or().taskAssignee(viewer.account().username());
        List<Task> open = (groups.isEmpty() ? query.endOr() : query.taskCandidateGroupIn(groups).endOr())
                .orderByTaskCreateTime().asc().list();
        List<InboxTask> inbox = new ArrayList<>();
        for (Task task : open) {
            inbox.add(describe(task, tasks.getVariables(task.getId())));
        }
        List<InboxTask> signOffs = waitingSignOffs.of(viewer);
        if (!signOffs.isEmpty()) {
            inbox.addAll(signOffs);
            inbox.sort(java.util.Comparator.comparing(InboxTask::created)); // stable: the engine's order kept
        }
        inbox.addAll(retests.of(viewer));
        return inbox;
    }

    private InboxTask describe(Task task, Map<String, Object> variables) {
        Long classId = number(variables.get(TermCloseModel.CLASS_ID));
        Integer term = variables.get(TermCloseModel.TERM) == null ? null : number(variables.get(TermCloseModel.TERM)).intValue();
        Long assignmentId = number(variables.get(task.getTaskDefinitionKey().equals(TermCloseModel.TASK_SUBJECT_REWORK)
                ? TermCloseModel.REWORK_ASSIGNMENT_ID : TermCloseModel.ASSIGNMENT_ID));
        Long correctionId = number(variables.get(GradeCorrectionModel.CORRECTION_ID));
        String subjectCode = null;
        String subjectName = null;
        List<String> missing = List.of();
        String returned = null;
        if (assignmentId != null) {
            TeachingAssignment assignment = people.assignment(assignmentId);
            if (term != null && task.getTaskDefinitionKey().equals(TermCloseModel.TASK_SUBJECT_REWORK)) {
                returned = returns.sentBack(assignment.schoolClass(), term, assignment.subject().id(), task.getAssignee())
                        .orElse(null);
            }
            subjectCode = assignment.subject().code();
            subjectName = assignment.subject().name();
            String code = subjectCode;
            if (term != null) {
                missing = waitingSignOffs.missing(assignment.schoolClass(), term, code);
            }
        }
        SchoolClass schoolClass = classId == null ? null : directory.schoolClass(new ClassId(classId));
        if (schoolClass != null && term != null && HOMEROOM_TASKS.contains(task.getTaskDefinitionKey())) {
            missing = readiness.unconfirmedAttendanceMonths(schoolClass, term).stream()
                    .map(m -> "Điểm danh tháng " + MonthConfirmation.label(m) + " chưa được xác nhận.").toList();
            returned = returns.rejection(schoolClass, term).orElse(null);
        }
        if (schoolClass != null && task.getTaskDefinitionKey().equals(YearEndModel.TASK_SUMMER_RESULTS)) {
            missing = summer.missing(schoolClass);
        }
        return new InboxTask(task.getId(), ProcessStepNames.shown(task.getName()), task.getProcessDefinitionId().split(":")[0],
                schoolClass == null ? null : schoolClass.code(), classId, subjectCode, subjectName, term, correctionId,
                task.getCreateTime(), task.getDueDate(), missing, task.getTaskDefinitionKey(), returned);
    }

    private static Long number(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
