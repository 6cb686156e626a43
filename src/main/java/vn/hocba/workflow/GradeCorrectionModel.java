package vn.hocba.workflow;

/** Ids of processes/grade-correction.bpmn, referenced from Java (and tests) only through these constants. */
public final class GradeCorrectionModel {

    public static final String PROCESS = "GradeCorrection";
    public static final String TASK_HOMEROOM_CONFIRM = "Task_HomeroomConfirm";
    public static final String TASK_PRINCIPAL_APPROVE = "Task_PrincipalApprove";
    public static final String TASK_APPLY = "Task_ApplyCorrection";
    public static final String END_APPLIED = "EndEvent_Applied";
    public static final String END_RETURNED = "EndEvent_Returned";
    public static final String END_REJECTED = "EndEvent_Rejected";

    /** Process variables: ids and flags only. */
    static final String CORRECTION_ID = "correctionId";
    static final String HOMEROOM_TEACHER = "homeroomTeacher";
    static final String REQUESTER = "requester";
    static final String CONFIRMED = "confirmed";
    static final String APPROVED = "approved";

    private GradeCorrectionModel() {
    }

    static String businessKey(long correctionId) {
        return "correction-" + correctionId;
    }
}
