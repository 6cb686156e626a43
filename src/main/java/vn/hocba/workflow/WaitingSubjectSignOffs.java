package vn.hocba.workflow;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import vn.hocba.gradebook.closing.Readiness;
import vn.hocba.gradebook.closing.SignOff;
import vn.hocba.gradebook.closing.SignOffs;
import vn.hocba.grading.MissingEntry;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.TeachingAssignment;
import vn.hocba.security.Viewer;

/**
 * A subject teacher's sign-off tasks while their class waits at the term close's class-level step
 * ({@link TermCloseSignOffs}): one per subject of the teacher in that class not yet signed by them (a teacher of
 * several column ranges of a subject signs it once), shown in the inbox exactly as the engine's task per teaching
 * assignment was (same words, step {@code Task_SubjectSignOff}, since when, what is missing), derived from the
 * domain records. A subject the homeroom teacher sent back is shown as the earlier model's rework task was
 * ("GVBM sửa và ký lại môn bị trả", step {@code Task_SubjectRework}, who sent it back, when and why) to every
 * co-teacher whose sign-off was reopened. While the term close stands elsewhere, a teacher of the class with no
 * active sign-off of their subject and no engine task for it has it here too, and signs it as a record
 * ({@link TermCloseWorkflow}): in an instance of the earlier version, which gave its one rework task to the
 * subject's first teacher only, the other co-teachers; a co-teacher assigned after the class moved on.
 */
@Component
class WaitingSubjectSignOffs {

    /** The earlier model's name of the rework task, as pages spell it. */
    private static final String REWORK = "GVBM sửa và ký lại môn bị trả";

    private final TermCloseSignOffs classLevel;
    private final SignOffs signOffs;
    private final SchoolDirectory directory;
    private final Readiness readiness;
    private final HistoryService history;
    private final RuntimeService runtime;
    private final TermCloseReturns returns;
    private final SubjectSignOffTasks engineTasks;

    WaitingSubjectSignOffs(TermCloseSignOffs classLevel, SignOffs signOffs, SchoolDirectory directory, Readiness readiness,
            HistoryService history, RuntimeService runtime, TermCloseReturns returns, SubjectSignOffTasks engineTasks) {
        this.runtime = runtime;
        this.returns = returns;
        this.engineTasks = engineTasks;
        this.classLevel = classLevel;
        this.signOffs = signOffs;
        this.directory = directory;
        this.readiness = readiness;
        this.history = history;
    }

    List<TaskInbox.InboxTask> of(Viewer viewer) {
        if (viewer.teaching().isEmpty()) {
            return List.of();
        }
        Map<String, ProcessInstance> waiting = new LinkedHashMap<>();
        classLevel.waiting().forEach(p -> waiting.put(p.getBusinessKey(), p));
        Set<String> running = runtime.createProcessInstanceQuery().processDefinitionKey(TermCloseModel.PROCESS).list()
                .stream().map(ProcessInstance::getBusinessKey).collect(Collectors.toSet());
        String username = viewer.account().username();
        List<TaskInbox.InboxTask> inbox = new ArrayList<>();
        for (int term = 1; term <= 2; term++) {
            Map<Long, List<TeachingAssignment>> byClass = new LinkedHashMap<>();
            for (TeachingAssignment t : viewer.teaching()) {
                if (running.contains(TermCloseModel.businessKey(t.schoolClass().id().value(), term))) {
                    byClass.computeIfAbsent(t.schoolClass().id().value(), c -> new ArrayList<>()).add(t);
                }
            }
            for (List<TeachingAssignment> mine : byClass.values()) {
                SchoolClass schoolClass = mine.get(0).schoolClass();
                ProcessInstance instance = waiting.get(TermCloseModel.businessKey(schoolClass.id().value(), term));
                List<TeachingAssignment> subjects = oneEachSubject(mine);
                inbox.addAll(instance != null ? tasks(instance, schoolClass, term, subjects, username)
                        : elsewhere(schoolClass, term, subjects, username));
            }
        }
        return inbox;
    }

    /**
     * What is still missing in a subject of a class's term: the subject's sheet alone, the same entries as the
     * whole class's check lists for it (issue 19).
     */
    List<String> missing(SchoolClass schoolClass, int term, String subjectCode) {
        return directory.gradeSubjects(schoolClass.yearId(), schoolClass.grade()).stream()
                .filter(gs -> gs.subject().code().equals(subjectCode)).findFirst()
                .map(gs -> readiness.missing(schoolClass, term, gs).stream().map(MissingEntry::message).toList())
                .orElse(List.of());
    }

    private List<TaskInbox.InboxTask> tasks(ProcessInstance instance, SchoolClass schoolClass, int term,
            List<TeachingAssignment> mine, String username) {
        List<SignOff> signed = signOffs.of(schoolClass, term);
        List<TeachingAssignment> open = mine.stream()
                .filter(t -> !TermCloseSignOffs.signedBy(signed, t.subject().id().value(), username)).toList();
        if (open.isEmpty()) {
            return List.of();
        }
        HistoricActivityInstance step = history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId(TermCloseModel.TASK_SUBJECT_SIGN_OFF).unfinished().orderByHistoricActivityInstanceStartTime().desc()
                .listPage(0, 1).stream().findFirst().orElse(null);
        // History is kept at level "audit": the step's start is always there; "now" only as a guard.
        Date since = step == null ? new Date() : step.getStartTime();
        String action = step == null || step.getActivityName() == null ? "GVBM ký xác nhận điểm môn" : ProcessStepNames.shown(step.getActivityName());
        return open.stream().map(t -> {
            Optional<SignOff> returned = sentBack(signed, t, username);
            return returned.isPresent() ? returned(schoolClass, term, t, returned.get(), since)
                    : signOff(schoolClass, term, t, action, since);
        }).toList();
    }

    private TaskInbox.InboxTask signOff(SchoolClass schoolClass, int term, TeachingAssignment t, String action, Date since) {
        return new TaskInbox.InboxTask("sign-off-" + schoolClass.id().value() + "-" + term + "-" + t.id(), action,
                TermCloseModel.PROCESS, schoolClass.code(), schoolClass.id().value(), t.subject().code(), t.subject().name(),
                term, null, since, null, missing(schoolClass, term, t.subject().code()), TermCloseModel.TASK_SUBJECT_SIGN_OFF, null);
    }

    /**
     * A class whose term close stands elsewhere than the subjects' step: the teacher's subjects without their active
     * sign-off for which the engine has no task of theirs (none, unless the model version has a task per teacher).
     */
    private List<TaskInbox.InboxTask> elsewhere(SchoolClass schoolClass, int term, List<TeachingAssignment> mine,
            String username) {
        List<SignOff> signed = signOffs.of(schoolClass, term);
        List<TeachingAssignment> open = mine.stream()
                .filter(t -> !TermCloseSignOffs.signedBy(signed, t.subject().id().value(), username))
                .filter(t -> engineTasks.find(schoolClass, t.subject().id(), term, username) == null).toList();
        List<TaskInbox.InboxTask> parts = new ArrayList<>();
        for (TeachingAssignment t : open) {
            Optional<SignOff> returned = sentBack(signed, t, username);
            parts.add(returned.isPresent() ? returned(schoolClass, term, t, returned.get(), Date.from(returned.get().reopenedAt()))
                    : signOff(schoolClass, term, t, "GVBM ký xác nhận điểm môn", new Date()));
        }
        return parts;
    }

    private TaskInbox.InboxTask returned(SchoolClass schoolClass, int term, TeachingAssignment t, SignOff reopened, Date since) {
        return new TaskInbox.InboxTask("rework-" + schoolClass.id().value() + "-" + term + "-" + t.id(), REWORK,
                TermCloseModel.PROCESS, schoolClass.code(), schoolClass.id().value(), t.subject().code(), t.subject().name(),
                term, null, since, null, missing(schoolClass, term, t.subject().code()), TermCloseModel.TASK_SUBJECT_REWORK,
                returns.sentBack(reopened));
    }

    /** The teacher's latest sign-off of the subject when it was reopened (sent back, not signed again), else empty. */
    private static Optional<SignOff> sentBack(List<SignOff> signed, TeachingAssignment t, String username) {
        return signed.stream().filter(s -> s.kind() == SignOff.Kind.SUBJECT && Objects.equals(s.subjectId(), t.subject().id().value())
                && s.signedBy().equals(username)).reduce((a, b) -> b).filter(s -> !s.active());
    }

    /** The first teaching assignment of each subject (a teacher of columns 1–2 and 3–4 of one subject signs once). */
    private static List<TeachingAssignment> oneEachSubject(List<TeachingAssignment> mine) {
        Map<Long, TeachingAssignment> bySubject = new LinkedHashMap<>();
        mine.forEach(t -> bySubject.putIfAbsent(t.subject().id().value(), t));
        return List.copyOf(bySubject.values());
    }
}
