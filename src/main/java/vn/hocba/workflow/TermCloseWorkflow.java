package vn.hocba.workflow;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import vn.hocba.audit.Actor;
import vn.hocba.common.Rejected;
import vn.hocba.common.TermName;
import vn.hocba.gradebook.closing.SignOff;
import vn.hocba.gradebook.closing.SignOffs;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SubjectId;
import vn.hocba.schoolyear.TeachingAssignment;

/**
 * Drives the TermClose process of one class and term: each step records the domain sign-off and
 * completes the person's task in one transaction (repeated on a concurrent completion). A subject sign-off
 * is a domain record only while the class waits at the model's class-level step ({@link TermCloseSignOffs});
 * instances of the earlier model version complete the teacher's own task as before.
 */
@Service
public class TermCloseWorkflow {

    private final SignOffs signOffs;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final TermCloseTasks people;
    private final ConcurrentCompletion completion;
    private final SubjectSignOffTasks subjectTasks;
    private final TermCloseSignOffs classLevel;
    private final TermCloseNotices notices;

    public TermCloseWorkflow(SignOffs signOffs, RuntimeService runtime, TaskService tasks, TermCloseTasks people,
            ConcurrentCompletion completion, SubjectSignOffTasks subjectTasks, TermCloseSignOffs classLevel,
            TermCloseNotices notices) {
        this.signOffs = signOffs;
        this.runtime = runtime;
        this.tasks = tasks;
        this.people = people;
        this.completion = completion;
        this.subjectTasks = subjectTasks;
        this.classLevel = classLevel;
        this.notices = notices;
    }

    /** Starts the term close of a class; at most one runs per class and term. */
    public String start(SchoolClass schoolClass, int term) {
        String key = TermCloseModel.businessKey(schoolClass.id().value(), term);
        if (runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count() > 0) {
            throw Rejected.conflict("Lớp " + schoolClass.code() + " đang chốt " + TermName.of(term) + ".");
        }
        return runtime.startProcessInstanceByKey(TermCloseModel.PROCESS, key,
                Map.of(TermCloseModel.CLASS_ID, schoolClass.id().value(), TermCloseModel.TERM, term)).getId();
    }

    /** The subject teacher signs their subject (first sign-off, or again after a send-back). */
    public SignOff signSubject(SchoolClass schoolClass, SubjectId subject, int term, Actor by) {
        return completion.run("subject sign-off", () -> {
            signOffs.takeTurn(schoolClass);
            String waiting = classLevel.waiting(schoolClass, term);
            if (waiting != null) {
                return classLevel.sign(schoolClass, subject, term, by, waiting); // the model's class-level step
            }
            // An instance of an earlier model version: a task per teaching assignment, or the one rework task.
            Task task = subjectTasks.find(schoolClass, subject, term, by.username());
            if (task == null) {
                return signOutsideTheStep(schoolClass, subject, term, by);
            }
            SignOff signed = signOffs.signSubject(schoolClass, subject, term, by);
            tasks.complete(task.getId());
            return signed;
        });
    }

    /**
     * The homeroom teacher sends a subject back with a reason: every co-teacher's sign-off of it is reopened and each
     * is told in "Thông báo". In this model version the class goes back to the subjects' step, where each of them has
     * the returned subject in "Việc cần làm" ({@link WaitingSubjectSignOffs}) until they sign again. Instances of the
     * earlier version still read {@code reworkAssignmentId} for their one rework task.
     */
    public void sendBack(SchoolClass schoolClass, SubjectId subject, int term, String reason, Actor by) {
        completion.run("send back", () -> {
            Task check = task(schoolClass, term, TermCloseModel.TASK_HOMEROOM_CHECK, by.username());
            TeachingAssignment assignment = assignmentOf(schoolClass, subject);
            List<SignOff> reopened = signOffs.sendBack(schoolClass, subject, term, reason, by);
            notices.sentBack(schoolClass, assignment.subject().name(), reopened);
            tasks.complete(check.getId(), Map.of(TermCloseModel.SENT_BACK, true,
                    TermCloseModel.REWORK_ASSIGNMENT_ID, assignment.id()));
            return null;
        });
    }

    /** The homeroom teacher has checked the class (and entered conduct). */
    public void confirmCheck(SchoolClass schoolClass, int term, Actor by) {
        completion.run("homeroom check", () -> {
            // The records first: while a co-teacher has still to sign, the refusal names them (the class then waits at
            // the subjects' step, and "not your step" would not say why).
            signOffs.requireChecked(schoolClass, term);
            Task task = task(schoolClass, term, TermCloseModel.TASK_HOMEROOM_CHECK, by.username());
            tasks.complete(task.getId(), Map.of(TermCloseModel.SENT_BACK, false));
            return null;
        });
    }

    public SignOff signClass(SchoolClass schoolClass, int term, Actor by) {
        return completion.run("homeroom sign-off", () -> {
            Task task = task(schoolClass, term, TermCloseModel.TASK_HOMEROOM_SIGN_OFF, by.username());
            SignOff signed = signOffs.signClass(schoolClass, term, by);
            tasks.complete(task.getId());
            return signed;
        });
    }

    public SignOff approve(SchoolClass schoolClass, int term, Actor by) {
        return completion.run("principal approval", () -> {
            Task task = task(schoolClass, term, TermCloseModel.TASK_PRINCIPAL_APPROVAL, null);
            SignOff signed = signOffs.approve(schoolClass, term, by);
            tasks.complete(task.getId(), Map.of(TermCloseModel.APPROVED, true, TermCloseModel.APPROVER, by.username()));
            return signed;
        });
    }

    /** The principal does not approve the class's term: back to the homeroom teacher, who is told in "Thông báo". */
    public void reject(SchoolClass schoolClass, int term, String reason, Actor by) {
        completion.run("principal rejection", () -> {
            Task task = task(schoolClass, term, TermCloseModel.TASK_PRINCIPAL_APPROVAL, null);
            notices.rejected(schoolClass, signOffs.reject(schoolClass, term, reason, by));
            tasks.complete(task.getId(), Map.of(TermCloseModel.APPROVED, false));
            return null;
        });
    }

    /**
     * A teacher assigned to the subject who has no active sign-off of it while the class's term close runs elsewhere
     * than the subjects' step signs as a record (no task), and the homeroom check and sign-off wait for it
     * ({@link SignOffs#requireChecked}): a co-teacher whose part was sent back in an instance of the earlier model
     * version (its one rework task went to the subject's first teacher), or a co-teacher assigned after the class
     * moved on. Anything else: nothing is waiting.
     */
    private SignOff signOutsideTheStep(SchoolClass schoolClass, SubjectId subject, int term, Actor by) {
        boolean assigned = people.assignmentsOf(schoolClass, subject).stream()
                .anyMatch(t -> people.usernameOfTeacher(t).equals(by.username()));
        boolean running = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(TermCloseModel.businessKey(schoolClass.id().value(), term)).count() > 0;
        if (!assigned || !running
                || TermCloseSignOffs.signedBy(signOffs.of(schoolClass, term), subject.value(), by.username())) {
            throw TermCloseSignOffs.nothingWaiting(schoolClass, term);
        }
        return signOffs.signSubject(schoolClass, subject, term, by);
    }

    private Task task(SchoolClass schoolClass, int term, String taskKey, String assignee) {
        var query = tasks.createTaskQuery().processInstanceBusinessKey(TermCloseModel.businessKey(schoolClass.id().value(), term))
                .taskDefinitionKey(taskKey);
        Task task = (assignee == null ? query : query.taskAssignee(assignee)).singleResult();
        if (task == null) {
            throw Rejected.conflict("Lớp " + schoolClass.code() + " " + TermName.of(term) + " không chờ bước này của bạn.");
        }
        return task;
    }

    private TeachingAssignment assignmentOf(SchoolClass schoolClass, SubjectId subject) {
        return people.assignmentsOf(schoolClass, subject).stream().findFirst()
                .orElseThrow(() -> Rejected.notFound("Môn này không có giáo viên được phân công ở lớp " + schoolClass.code() + "."));
    }
}
