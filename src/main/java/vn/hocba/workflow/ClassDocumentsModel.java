package vn.hocba.workflow;

/** Ids of processes/class-documents.bpmn, referenced from Java (and tests) only through these constants. */
public final class ClassDocumentsModel {

    public static final String PROCESS = "ClassDocuments";
    public static final String TASK_GENERATE = "Task_GenerateDocuments";
    public static final String SUBPROCESS_SUBJECT_SHEET = "SubProcess_SubjectSheet";
    public static final String TASK_SIGN_SUBJECT_SHEETS = "Task_SignSubjectSheets";
    public static final String TASK_GENERATE_TRANSCRIPTS = "Task_GenerateTranscripts";
    public static final String TASK_HOMEROOM_SIGNS = "Task_HomeroomSignsTranscripts";
    public static final String TASK_PRINCIPAL_SIGNS = "Task_PrincipalSignsTranscripts";
    public static final String TASK_APPLY_SEAL = "Task_ApplySeal";
    public static final String TASK_BUILD_EXPORT = "Task_BuildExportPackage";
    public static final String TASK_CLERK_ARCHIVES = "Task_ClerkArchives";
    public static final String END_ARCHIVED = "EndEvent_Archived";

    /** Process variables: ids and flags only. */
    static final String CLASS_ID = "classId";
    static final String REQUESTED_BY = "requestedBy";
    /** Per subject, the teaching assignment ids of its teachers in signing order (a list of lists of ids). */
    static final String SHEET_SIGNERS = "sheetSigners";
    static final String ASSIGNMENT_ID = "assignmentId";

    private ClassDocumentsModel() {
    }

    static String businessKey(long classId) {
        return "class-documents-" + classId;
    }
}
