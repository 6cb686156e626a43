package vn.hocba.workflow;

/** Ids of processes/grade-correction.bpmn, referenced from Java (and tests) only through these constants. */
public final class GradeCorrectionModel {

    public static final String PROCESS = "GradeCorrection";
    public static final String TASK_HOMEROOM_CONFIRM = "Task_HomeroomConfirm";
    public static final String TASK_PRINCIPAL_APPROVE = "Task_PrincipalApprove";
    public static final String TASK_APPLY = "Task_ApplyCorrection";
    public static final String TASK_CHECK_SIGNED = "Task_CheckSignedDocuments";
    public static final String CALL_REISSUE = "Call_ReissueClassDocuments";
    public static final String TIMER_WAIT_FOR_RUN = "Timer_WaitForDocumentsRun";
    public static final String END_APPLIED = "EndEvent_Applied";
    public static final String END_REISSUED = "EndEvent_Reissued";
    public static final String END_RETURNED = "EndEvent_Returned";
    public static final String END_REJECTED = "EndEvent_Rejected";

    /** Process variables: ids and flags only. */
    static final String CORRECTION_ID = "correctionId";
    static final String HOMEROOM_TEACHER = "homeroomTeacher";
    static final String REQUESTER = "requester";
    static final String CONFIRMED = "confirmed";
    static final String APPROVED = "approved";
    static final String REISSUE = "reissue";
    static final String DOCUMENTS_RUNNING = "documentsRunning";
    static final String CLASS_DOCUMENTS_KEY = "classDocumentsKey";

    private GradeCorrectionModel() {
    }

    static String businessKey(long correctionId) {
        return "correction-" + correctionId;
    }
}
