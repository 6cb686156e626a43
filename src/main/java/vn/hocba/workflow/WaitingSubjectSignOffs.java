package vn.hocba.workflow;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * ({@link TermCloseSignOffs}): one per teaching assignment of the teacher in that class not yet signed, shown in
 * the inbox exactly as the engine's task per teaching assignment was (same words, step
 * {@code Task_SubjectSignOff}, since when, what is missing), derived from the domain records.
 */
@Component
class WaitingSubjectSignOffs {

    private final TermCloseSignOffs classLevel;
    private final SignOffs signOffs;
    private final SchoolDirectory directory;
    private final Readiness readiness;
    private final HistoryService history;

    WaitingSubjectSignOffs(TermCloseSignOffs classLevel, SignOffs signOffs, SchoolDirectory directory, Readiness readiness,
            HistoryService history) {
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
        List<TaskInbox.InboxTask> inbox = new ArrayList<>();
        for (int term = 1; term <= 2; term++) {
            Map<Long, List<TeachingAssignment>> byClass = new LinkedHashMap<>();
            for (TeachingAssignment t : viewer.teaching()) {
                if (waiting.containsKey(TermCloseModel.businessKey(t.schoolClass().id().value(), term))) {
                    byClass.computeIfAbsent(t.schoolClass().id().value(), c -> new ArrayList<>()).add(t);
                }
            }
            for (List<TeachingAssignment> mine : byClass.values()) {
                SchoolClass schoolClass = mine.get(0).schoolClass();
                ProcessInstance instance = waiting.get(TermCloseModel.businessKey(schoolClass.id().value(), term));
                inbox.addAll(tasks(instance, schoolClass, term, mine, viewer.account().username()));
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
        return open.stream().map(t -> new TaskInbox.InboxTask(
                "sign-off-" + schoolClass.id().value() + "-" + term + "-" + t.id(), action, TermCloseModel.PROCESS,
                schoolClass.code(), schoolClass.id().value(), t.subject().code(), t.subject().name(), term, null, since, null,
                missing(schoolClass, term, t.subject().code()), TermCloseModel.TASK_SUBJECT_SIGN_OFF, null)).toList();
    }
}
