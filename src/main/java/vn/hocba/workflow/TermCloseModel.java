package vn.hocba.workflow;

/** Ids of processes/term-close.bpmn, referenced from Java (and tests) only through these constants. */
public final class TermCloseModel {

    public static final String PROCESS = "TermClose";
    public static final String TASK_PREPARE = "Task_PrepareSignOffs";
    public static final String TASK_SUBJECT_SIGN_OFF = "Task_SubjectSignOff";
    public static final String TASK_HOMEROOM_CHECK = "Task_HomeroomCheck";
    /**
     * The one rework task of versions before session 30 (still run by their instances); in this version a subject
     * sent back goes to {@link #TASK_SUBJECT_SIGN_OFF}, and each co-teacher's returned subject is shown in the inbox
     * with this step ({@code WaitingSubjectSignOffs}), so the pages open it where it is done.
     */
    public static final String TASK_SUBJECT_REWORK = "Task_SubjectRework";
    public static final String TASK_HOMEROOM_SIGN_OFF = "Task_HomeroomSignOff";
    public static final String TASK_PRINCIPAL_APPROVAL = "Task_PrincipalApproval";
    public static final String TASK_LOCK = "Task_LockClassTerm";
    public static final String END_LOCKED = "EndEvent_Locked";

    /** Process variables: ids and flags only. */
    static final String CLASS_ID = "classId";
    static final String TERM = "term";
    static final String ASSIGNMENTS = "assignments";
    static final String ASSIGNMENT_ID = "assignmentId";
    /** Read only by the versions before session 30 (the assignee of their one rework task). */
    static final String REWORK_ASSIGNMENT_ID = "reworkAssignmentId";
    static final String SENT_BACK = "sentBack";
    static final String APPROVED = "approved";
    static final String APPROVER = "approver";

    private TermCloseModel() {
    }

    static String businessKey(long classId, int term) {
        return "term-close-" + classId + "-" + term;
    }
}
