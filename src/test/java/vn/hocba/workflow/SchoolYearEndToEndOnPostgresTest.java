package vn.hocba.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import vn.hocba.documents.YearCompletion;
import vn.hocba.gradebook.ClassResultsStore;
import vn.hocba.gradebook.interchange.GradebookBulkLoad;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.students.StudentRegistry;
import vn.hocba.support.ApiClient;
import vn.hocba.support.ApiClient.Reply;
import vn.hocba.support.EmbeddedPostgresDatabases;
import vn.hocba.support.TemporaryDataDirectory;

/**
 * One demo class through the whole year, only through the API and the engine: marks complete →
 * term I and term II closed (every sign-off, approval, lock) → year end approved (with the summer
 * work when there is some) → documents generated and signed by the teachers, the homeroom teacher,
 * the principal and the seal → an export package whose every PDF EU DSS reports TOTAL_PASSED at
 * PAdES-BASELINE-LTA and whose manifest checksums match.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SchoolYearEndToEndOnPostgresTest {

    private static Path dataDir;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws Exception {
        EmbeddedPostgresDatabases.register(registry, "school_year_end_to_end");
        dataDir = TemporaryDataDirectory.register(registry, "hocba-end-to-end");
    }

    @org.junit.jupiter.api.AfterAll
    static void removeFiles() {
        TemporaryDataDirectory.delete(dataDir);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    SchoolDirectory directory;
    @Autowired
    StudentRegistry registry;
    @Autowired
    GradebookBulkLoad load;
    @Autowired
    ClassResultsStore results;

    ApiClient api;

    @BeforeEach
    void setUp() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
        api = new ApiClient(mvc);
    }

    @Test
    void aClassGoesFromCompleteMarksToASignedExportPackage() throws Exception {
        SchoolClass schoolClass = directory.classByCode(
                directory.activeYear(directory.schools().get(0).id()).orElseThrow().id(), "7A1").orElseThrow();
        long classId = schoolClass.id().value();
        new YearCompletion(directory, registry, load, results).completeTermTwo(schoolClass);
        String homeroom = api.get("hieutruong", "/api/classes/" + classId).body().path("homeroomTeacher").path("code")
                .asText().toLowerCase();

        for (int term = 1; term <= 2; term++) {
            closeTerm(classId, term, homeroom);
        }
        assertThat(jdbc.sql("select count(*) from gradebook_lock where class_id = ? and unlocked_at is null").param(classId)
                .query(Long.class).single()).isEqualTo(2);

        closeYear(classId, homeroom);
        assertThat(jdbc.sql("select stage from year_end_decision where class_id = ? order by id desc limit 1").param(classId)
                .query(String.class).single()).isEqualTo("FINAL");

        Map<String, byte[]> exported = signAndExport(classId, homeroom);
        ExportPackages.assertManifestMatches(exported);
        Map<String, java.util.List<String>> teachers = ExportPackages.teachersBySubject(directory, schoolClass.id());
        ExportPackages.assertEverySignatureTotalPassedAtLta(exported, teachers, registry.roster(schoolClass.id()).size(),
                dataDir.resolve("pki"));
        ExportPackages.assertTranscriptsReferToTheirSignedSheets(exported, teachers);
        ExportPackages.assertClassGradebookRefersToTheSignedSheets(exported, teachers);
    }

    private void closeTerm(long classId, int term, String homeroom) {
        String path = "/api/classes/" + classId + "/terms/" + term;
        Reply started = api.post("hieutruong", path + "/close", "{}");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        ProcessInstance instance = instance(started.body().path("processInstanceId").asText());
        runJobs(instance);
        for (JsonNode t : api.get("hieutruong", "/api/classes/" + classId).body().path("teaching")) {
            Reply signed = api.post(t.path("teacher").path("code").asText().toLowerCase(),
                    path + "/subjects/" + t.path("subject").path("id").asLong() + "/sign-off", "{}");
            assertThat(signed.status()).as("HK" + term + " " + t.path("subject").path("code") + " " + signed).isEqualTo(200);
        }
        assertThat(api.post(homeroom, path + "/homeroom-check", "{}").status()).isEqualTo(200);
        assertThat(api.post(homeroom, path + "/sign-off", "{}").status()).isEqualTo(200);
        assertThat(api.post("hieutruong", path + "/approval", "{}").status()).isEqualTo(200);
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed(TermCloseModel.END_LOCKED);
    }

    private void closeYear(long classId, String homeroom) {
        String path = "/api/classes/" + classId + "/year-end";
        assertThat(api.post(homeroom, path + "/start", "{}").status()).isEqualTo(201);
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(YearEndModel.businessKey(classId)).singleResult();
        assertThat(api.post(homeroom, path + "/proposal", "{}").status()).isEqualTo(200);
        assertThat(api.post("hieutruong", path + "/approval", "{}").status()).isEqualTo(200);
        if (!runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).list().isEmpty()) {
            enterSummerResults(classId, homeroom);
            assertThat(api.post(homeroom, path + "/summer-results", "{}").status()).isEqualTo(200);
            assertThat(api.post("hieutruong", path + "/final-approval", "{}").status()).isEqualTo(200);
        }
        assertThat(instance).isEnded().hasPassed(YearEndModel.END_YEAR_CLOSED);
    }

    /** Retests of every failed subject (by its teacher) and the re-assessed conduct of summer training. */
    private void enterSummerResults(long classId, String homeroom) {
        JsonNode teaching = api.get("hieutruong", "/api/classes/" + classId).body().path("teaching");
        for (JsonNode student : api.get("hieutruong", "/api/classes/" + classId + "/results").body().path("students")) {
            long studentId = jdbc.sql("select id from student where code = ?").param(student.path("code").asText())
                    .query(Long.class).single();
            if ("SUMMER_TRAINING_PENDING".equals(student.path("promotion").asText())) {
                api.send(homeroom, MockMvcRequestBuilders.put("/api/classes/" + classId + "/conduct")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"studentId\":" + studentId + ",\"term\":3,\"level\":\"Đ\"}"));
            }
            if ("RETEST_PENDING".equals(student.path("promotion").asText())) {
                student.path("subjects").fields().forEachRemaining(subject -> {
                    JsonNode year = subject.getValue().path("CN");
                    boolean failed = year.isNumber() ? year.decimalValue().compareTo(new BigDecimal("5.0")) < 0
                            : "CĐ".equals(year.asText());
                    if (failed) {
                        JsonNode t = teacherOf(teaching, subject.getKey());
                        assertThat(api.post(t.path("teacher").path("code").asText().toLowerCase(), "/api/classes/" + classId
                                + "/year-end/subjects/" + t.path("subject").path("id").asLong() + "/retests",
                                "{\"studentId\":" + studentId + ",\"value\":\"" + (year.isNumber() ? "8.0" : "Đ") + "\"}")
                                .status()).isEqualTo(200);
                    }
                });
            }
        }
    }

    private Map<String, byte[]> signAndExport(long classId, String homeroom) throws Exception {
        String path = "/api/classes/" + classId + "/year-documents";
        Reply started = api.post("hieutruong", path, "");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        ProcessInstance instance = instance(started.body().path("processInstanceId").asText());
        runJobs(instance);
        for (Task task = sheetTask(instance); task != null; task = sheetTask(instance)) {
            assertThat(api.post(task.getAssignee(), path + "/subject-sheet/signature", "").status()).isEqualTo(200);
        }
        runJobs(instance);
        assertThat(api.post(homeroom, path + "/homeroom-signature", "").status()).isEqualTo(200);
        assertThat(api.post("hieutruong", path + "/principal-signature", "").status()).isEqualTo(200);
        runJobs(instance);
        Map<String, byte[]> entries = ExportPackages.unzip(api.download("vanthu", path + "/package"));
        assertThat(api.post("vanthu", path + "/archived", "").status()).isEqualTo(200);
        assertThat(instance).isEnded();
        return entries;
    }

    private static JsonNode teacherOf(JsonNode teaching, String subjectCode) {
        for (JsonNode t : teaching) {
            if (t.path("subject").path("code").asText().equals(subjectCode)) {
                return t;
            }
        }
        throw new IllegalStateException(subjectCode);
    }

    private Task sheetTask(ProcessInstance instance) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(ClassDocumentsModel.TASK_SIGN_SUBJECT_SHEETS).listPage(0, 1);
        return open.isEmpty() ? null : open.get(0);
    }

    private ProcessInstance instance(String id) {
        return runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
    }

    private void runJobs(ProcessInstance instance) {
        for (List<Job> jobs = pending(instance); !jobs.isEmpty(); jobs = pending(instance)) {
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
    }

    private List<Job> pending(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).withRetriesLeft().list();
    }
}
