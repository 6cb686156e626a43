package vn.hocba.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import vn.hocba.audit.Actor;
import vn.hocba.common.Rejected;
import vn.hocba.common.TermName;
import vn.hocba.gradebook.closing.SignOff;
import vn.hocba.gradebook.closing.SignOffs;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.SubjectId;
import vn.hocba.schoolyear.TeachingAssignment;

/**
 * The subject sign-offs of a class's term close as domain records only (issue 19, session 16). In this version
 * of processes/term-close.bpmn the class waits at ONE step ({@code Task_SubjectSignOff}, a receive task) while
 * its subject teachers sign: a sign-off is a row of {@code sign_off} (with its audit entry) and touches no
 * engine task; the sign-off that completes the class moves the step on, and the gateway after it
 * ({@code ${termCloseSignOffs.allSigned(classId, term)}}) asks the records again, never a variable, so the
 * step leads on only when every teaching assignment of the class is signed by its teacher. Instances started
 * on the earlier version (a user task per teaching assignment) keep their tasks ({@link SubjectSignOffTasks}).
 */
@Component("termCloseSignOffs")
public class TermCloseSignOffs {

    private final SignOffs signOffs;
    private final SchoolDirectory directory;
    private final TermCloseTasks people;
    private final RuntimeService runtime;
    private final ManagementService management;
    private volatile String sql;

    TermCloseSignOffs(SignOffs signOffs, SchoolDirectory directory, TermCloseTasks people, RuntimeService runtime,
            ManagementService management) {
        this.signOffs = signOffs;
        this.directory = directory;
        this.people = people;
        this.runtime = runtime;
        this.management = management;
    }

    /** Gateway_AllSubjectsSigned: whether every teaching assignment of the class has its teacher's active sign-off. */
    public boolean allSigned(Long classId, Integer term) {
        SchoolClass schoolClass = directory.schoolClass(new ClassId(classId));
        return allSigned(directory.teachingAssignmentsOfClass(schoolClass.id()), signOffs.of(schoolClass, term));
    }

    /** The class's term close when it waits at the subjects' step of this model version: its instance id, else null. */
    String waiting(SchoolClass schoolClass, int term) {
        ProcessInstance instance = runtime.createNativeProcessInstanceQuery().sql(sql() + " and RES.BUSINESS_KEY_ = #{key}")
                .parameter("step", TermCloseModel.TASK_SUBJECT_SIGN_OFF)
                .parameter("key", TermCloseModel.businessKey(schoolClass.id().value(), term)).singleResult();
        return instance == null ? null : instance.getId();
    }

    /** Every term close that waits at the subjects' step of this model version (a few per class at most). */
    List<ProcessInstance> waiting() {
        return runtime.createNativeProcessInstanceQuery().sql(sql()).parameter("step", TermCloseModel.TASK_SUBJECT_SIGN_OFF).list();
    }

    /**
     * Records the teacher's sign-off of the subject while the class waits at the subjects' step (in
     * {@link TermCloseWorkflow#signSubject}'s transaction, the class's turn taken); the sign-off that completes
     * the class moves the process on in the same transaction.
     */
    SignOff sign(SchoolClass schoolClass, SubjectId subject, int term, Actor by, String processInstanceId) {
        List<SignOff> before = signOffs.of(schoolClass, term);
        List<TeachingAssignment> assignments = directory.teachingAssignmentsOfClass(schoolClass.id());
        boolean assigned = assignments.stream().filter(t -> t.subject().id().equals(subject))
                .anyMatch(t -> people.usernameOfTeacher(t).equals(by.username()));
        if (!assigned || signedBy(before, subject.value(), by.username())) {
            throw nothingWaiting(schoolClass, term);
        }
        SignOff done = signOffs.signSubject(schoolClass, subject, term, by);
        List<SignOff> after = new ArrayList<>(before);
        after.add(done);
        if (allSigned(assignments, after)) {
            runtime.signal(processInstanceId);
        }
        return done;
    }

    /** The answer when the teacher has no sign-off of the subject waiting (not started, or already signed). */
    static Rejected nothingWaiting(SchoolClass schoolClass, int term) {
        return Rejected.conflict("Bạn không có việc ký xác nhận môn này của lớp " + schoolClass.code()
                + " " + TermName.of(term) + " đang chờ (chưa bắt đầu chốt học kì, hoặc đã ký).");
    }

    /** Whether {@code username} has an active sign-off of the subject among {@code signed}. */
    static boolean signedBy(List<SignOff> signed, long subject, String username) {
        return signed.stream().anyMatch(s -> activeSubject(s) && Objects.equals(s.subjectId(), subject)
                && s.signedBy().equals(username));
    }

    private boolean allSigned(List<TeachingAssignment> assignments, List<SignOff> signed) {
        List<SignOff> active = signed.stream().filter(TermCloseSignOffs::activeSubject).toList();
        Set<Long> subjects = active.stream().map(SignOff::subjectId).collect(Collectors.toSet());
        if (!assignments.stream().allMatch(t -> subjects.contains(t.subject().id().value()))) {
            return false; // a subject nobody has signed yet: no need to look up the teachers' accounts
        }
        return assignments.stream().allMatch(t -> signedBy(active, t.subject().id().value(), people.usernameOfTeacher(t)));
    }

    private static boolean activeSubject(SignOff s) {
        return s.kind() == SignOff.Kind.SUBJECT && s.active();
    }

    /** The process instances (executions that are instances) standing at a step; table name from the engine. */
    private String sql() {
        if (sql == null) {
            sql = "select RES.* from " + management.getTableName(ExecutionEntity.class) + " RES"
                    + " where RES.ACT_ID_ = #{step} and RES.ID_ = RES.PROC_INST_ID_";
        }
        return sql;
    }
}
