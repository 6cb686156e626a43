package vn.hocba.workflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.hocba.workflow.ClassDocumentsModel;

/**
 * One class's way through the year, each step through the HTTP API as the person who does it
 * (subject teachers, homeroom teacher, principal, clerk); the processes' jobs are run by the
 * benchmark (the job executor is off) right after the step that creates them.
 */
final class ClassYearSteps {

    private final BenchSchool school;
    private final HttpApi api;
    private final long classId;
    private final String homeroom;
    private final JsonNode teaching;
    private String documentsInstance;

    private final String classCode;

    ClassYearSteps(BenchSchool school, long classId, String classCode) {
        this.school = school;
        this.classCode = classCode;
        this.api = school.api;
        this.classId = classId;
        JsonNode detail = api.get("hieutruong", "/api/classes/" + classId).body();
        this.homeroom = detail.path("homeroomTeacher").path("code").asText().toLowerCase();
        this.teaching = detail.path("teaching");
        // Everyone who acts on the class logs in before the clock starts, as each person does once a day: the
        // timed stages measure the year's work, not one bcrypt password check per person (as the other benchmarks).
        List.of("hieutruong", "vanthu", homeroom).forEach(api::login);
        teaching.forEach(t -> api.login(user(t)));
    }

    String classCode() {
        return classCode;
    }

    /** TermClose: every subject signed off by its teacher, homeroom check and sign-off, principal approval, lock. */
    void closeTerm(int term) {
        String path = "/api/classes/" + classId + "/terms/" + term;
        String instance = api.expect(201, "hieutruong", path + "/close", "{}").body().path("processInstanceId").asText();
        school.runJobs(instance);
        for (JsonNode t : teaching) {
            api.expect(200, user(t), path + "/subjects/" + t.path("subject").path("id").asLong() + "/sign-off", "{}");
        }
        api.expect(200, homeroom, path + "/homeroom-check", "{}");
        api.expect(200, homeroom, path + "/sign-off", "{}");
        api.expect(200, "hieutruong", path + "/approval", "{}");
        school.runJobs(instance);
    }

    /** YearEnd: homeroom proposal, principal approval, and the summer work with final approval when there is some. */
    void closeYear() {
        String path = "/api/classes/" + classId + "/year-end";
        api.expect(201, homeroom, path + "/start", "{}");
        api.expect(200, homeroom, path + "/proposal", "{}");
        api.expect(200, "hieutruong", path + "/approval", "{}");
        if (runtime().createProcessInstanceQuery().processInstanceBusinessKey("year-end-" + classId).count() > 0) {
            enterSummerResults();
            api.expect(200, homeroom, path + "/summer-results", "{}");
            api.expect(200, "hieutruong", path + "/final-approval", "{}");
        }
    }

    /** ClassDocuments started by the principal; the generation job runs. */
    void generateDocuments() {
        documentsInstance = api.expect(201, "hieutruong", documentsPath(), "").body().path("processInstanceId").asText();
        school.runJobs(documentsInstance);
    }

    /** Every subject teacher signs their result sheet (co-teachers in column order: one open task each, as the engine lists them). */
    void signSubjectSheets() {
        while (signNextSubjectSheet()) {
            // one teacher's request per open task
        }
    }

    /** The next subject teacher in the engine's order signs their sheet; false when every sheet is signed. */
    boolean signNextSubjectSheet() {
        Task task = sheetTask();
        if (task == null) {
            return false;
        }
        api.expect(200, task.getAssignee(), documentsPath() + "/subject-sheet/signature", "");
        return true;
    }

    /**
     * The job that extends the signed sheets to LT/LTA and generates the transcripts and the class
     * gradebook referring to them.
     */
    void generateTranscripts() {
        school.runJobs(documentsInstance);
    }

    void homeroomSigns() {
        api.expect(200, homeroom, documentsPath() + "/homeroom-signature", "");
    }

    void principalSigns() {
        api.expect(200, "hieutruong", documentsPath() + "/principal-signature", "");
    }

    /**
     * The seal job (school seal on every transcript, then LT/LTA on every document) timed as two
     * stages: the seal ends at the last seal recorded in {@code document_signature}.
     */
    Map<Stage, Duration> sealAndExtend() {
        Instant started = Instant.now();
        school.runJob(documentsInstance, ClassDocumentsModel.TASK_APPLY_SEAL);
        Instant ended = Instant.now();
        Instant sealed = school.bean(JdbcClient.class).sql(
                "select max(signed_at) from document_signature where class_id = ? and stage = 'SCHOOL_SEAL'")
                .param(classId).query(Timestamp.class).single().toInstant();
        return Map.of(Stage.SEAL, Duration.between(started, sealed), Stage.LONG_TERM, Duration.between(sealed, ended));
    }

    /** The export job, then the clerk downloads the package and confirms it is archived; the package's bytes. */
    byte[] export() {
        school.runJobs(documentsInstance);
        byte[] zip = api.download("vanthu", documentsPath() + "/package");
        api.expect(200, "vanthu", documentsPath() + "/archived", "");
        return zip;
    }

    private void enterSummerResults() {
        for (JsonNode student : api.get("hieutruong", "/api/classes/" + classId + "/results").body().path("students")) {
            long studentId = school.bean(JdbcClient.class).sql("select id from student where code = ?")
                    .param(student.path("code").asText()).query(Long.class).single();
            String promotion = student.path("promotion").asText();
            if ("SUMMER_TRAINING_PENDING".equals(promotion)) {
                api.put(homeroom, "/api/classes/" + classId + "/conduct",
                        "{\"studentId\":" + studentId + ",\"term\":3,\"level\":\"Đ\"}");
            }
            if ("RETEST_PENDING".equals(promotion)) {
                student.path("subjects").fields().forEachRemaining(subject -> retest(studentId, subject));
            }
        }
    }

    private void retest(long studentId, Map.Entry<String, JsonNode> subject) {
        JsonNode year = subject.getValue().path("CN");
        boolean failed = year.isNumber() ? year.decimalValue().compareTo(new BigDecimal("5.0")) < 0 : "CĐ".equals(year.asText());
        if (failed) {
            JsonNode t = teacherOf(subject.getKey());
            api.expect(200, user(t), "/api/classes/" + classId + "/year-end/subjects/" + t.path("subject").path("id").asLong()
                    + "/retests", "{\"studentId\":" + studentId + ",\"value\":\"" + (year.isNumber() ? "8.0" : "Đ") + "\"}");
        }
    }

    private JsonNode teacherOf(String subjectCode) {
        for (JsonNode t : teaching) {
            if (t.path("subject").path("code").asText().equals(subjectCode)) {
                return t;
            }
        }
        throw new IllegalStateException(subjectCode);
    }

    private Task sheetTask() {
        List<Task> open = school.bean(TaskService.class).createTaskQuery().processInstanceId(documentsInstance)
                .taskDefinitionKey(ClassDocumentsModel.TASK_SIGN_SUBJECT_SHEETS).listPage(0, 1);
        return open.isEmpty() ? null : open.get(0);
    }

    private RuntimeService runtime() {
        return school.bean(RuntimeService.class);
    }

    private String documentsPath() {
        return "/api/classes/" + classId + "/year-documents";
    }

    private static String user(JsonNode teachingAssignment) {
        return teachingAssignment.path("teacher").path("code").asText().toLowerCase();
    }
}
