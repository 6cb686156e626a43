package vn.hocba.workflow;

/** Ids of processes/year-end.bpmn. */
public final class YearEndModel {

    public static final String PROCESS = "YearEnd";
    public static final String TASK_PROPOSAL = "Task_YearEndProposal";
    public static final String TASK_APPROVAL = "Task_YearEndApproval";
    public static final String GATEWAY_LISTS_APPROVED = "Gateway_ListsApproved";
    public static final String GATEWAY_FINAL_APPROVED = "Gateway_FinalApproved";
    public static final String SUB_PROCESS_SUMMER = "SubProcess_Summer";
    public static final String TASK_SUMMER_RESULTS = "Task_SummerResults";
    public static final String TASK_FINAL_APPROVAL = "Task_FinalApproval";
    public static final String END_YEAR_CLOSED = "EndEvent_YearClosed";

    static final String SUMMER_WORK = "summerWork";

    private YearEndModel() {
    }

    static String businessKey(long classId) {
        return "year-end-" + classId;
    }
}
