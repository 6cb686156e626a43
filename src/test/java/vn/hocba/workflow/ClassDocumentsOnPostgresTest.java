package vn.hocba.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.hocba.documents.PdfAValidation;
import vn.hocba.documents.YearClosing;
import vn.hocba.documents.YearCompletion;
import vn.hocba.gradebook.ClassResultsStore;
import vn.hocba.gradebook.interchange.GradebookBulkLoad;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.pades.devpki.DevelopmentPki;
import vn.hocba.students.StudentRegistry;
import vn.hocba.support.ApiClient;
import vn.hocba.support.ApiClient.Reply;
import vn.hocba.support.EmbeddedPostgresDatabases;
import vn.hocba.support.TemporaryDataDirectory;
import vn.hocba.gradebook.GradebookLocks;
import vn.hocba.gradebook.closing.SummerWork;
import vn.hocba.gradebook.closing.YearEnd;
import vn.hocba.hocbaso.SignedRecordChecks;
import vn.hocba.hocbaso.SignedRecords;

/**
 * The ClassDocuments process for demo class 6A1 on real PostgreSQL, driven through the API by its
 * people: teachers sign their sheets, the homeroom teacher and the principal sign the transcripts,
 * the seal fails until its credential is repaired (retries, incident, resume), and the clerk gets
 * an export package whose every PDF EU DSS reports TOTAL_PASSED at PAdES-BASELINE-LTA.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClassDocumentsOnPostgresTest {

    private static Path dataDir;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws Exception {
        EmbeddedPostgresDatabases.register(registry, "class_documents_process");
        dataDir = TemporaryDataDirectory.register(registry, "hocba-class-documents-process");
    }

    @AfterAll
    static void removeFiles() throws Exception {
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
    @Autowired
    DevelopmentPki pki;
    @Autowired
    GradebookLocks locks;
    @Autowired
    YearEnd yearEnd;
    @Autowired
    SummerWork summer;
    @Autowired
    SignedRecords signedRecords;

    @BeforeEach
    void assertionsUseThisContextsEngine() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
    }

    @Test
    void aClassIsSignedByEachPersonSealedAfterARepairedFaultAndExportedWithEverySignatureValidAtLta() throws Exception {
        ApiClient api = new ApiClient(mvc);
        SchoolClass schoolClass = directory.classByCode(
                directory.activeYear(directory.schools().get(0).id()).orElseThrow().id(), "6A1").orElseThrow();
        new YearCompletion(directory, registry, load, results).completeTermTwo(schoolClass);
        new YearClosing(directory, registry, locks, yearEnd, summer, load, results).close(schoolClass);
        String path = "/api/classes/" + schoolClass.id().value() + "/year-documents";

        Reply started = api.post("hieutruong", path, "");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceId(started.body().path("processInstanceId").asText()).singleResult();
        runJobs(instance);
        assertThat(instance).isWaitingAt(ClassDocumentsModel.TASK_SIGN_SUBJECT_SHEETS);

        Task first = sheetTask(instance);
        JsonNode inbox = api.get(first.getAssignee(), "/api/tasks").body();
        assertThat(inbox.findValuesAsText("process")).contains(ClassDocumentsModel.PROCESS);
        for (JsonNode t : inbox) {
            if (t.path("process").asText().equals(ClassDocumentsModel.PROCESS)) {
                assertThat(t.path("classCode").asText()).isEqualTo("6A1");
                assertThat(t.path("subjectCode").asText()).isNotBlank();
            }
        }
        Map<String, List<String>> teachers = ExportPackages.teachersBySubject(directory, schoolClass.id());
        assertThat(teachers.values()).as("the demo school's integrated subjects have co-teachers")
                .anyMatch(names -> names.size() > 1);
        assertThat(jdbc.sql("select count(*) from issued_document where kind in ('TRANSCRIPT', 'CLASS_GRADEBOOK') "
                + "and scope = 'YEAR'").query(Long.class).single())
                .as("transcripts and the class gradebook come after the signed sheets they refer to").isZero();
        int sheets = 0;
        for (Task task = sheetTask(instance); task != null; task = sheetTask(instance)) {
            Reply signed = api.post(task.getAssignee(), path + "/subject-sheet/signature", "");
            assertThat(signed.status()).as(task.getAssignee() + " " + signed).isEqualTo(200);
            sheets++;
        }
        // one task per teacher of each subject (co-teachers one after another, see the transcripts' signers below)
        assertThat(sheets).isEqualTo(teachers.values().stream().mapToInt(List::size).sum());
        runJobs(instance);
        String homeroom = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getAssignee();
        assertThat(instance).isWaitingAt(ClassDocumentsModel.TASK_HOMEROOM_SIGNS);
        assertThat(api.post("hieutruong", path + "/principal-signature", "").status()).isEqualTo(409);
        int students = registry.roster(schoolClass.id()).size();
        // transcripts, report cards and the class gradebook
        assertThat(api.post(homeroom, path + "/homeroom-signature", "").body().path("signed").asInt())
                .isEqualTo(2 * students + 1);
        assertThat(api.post(homeroom, path + "/principal-signature", "").status()).isEqualTo(403);
        assertThat(api.get("hieutruong", path + "/progress").body().path("signedByPrincipal").asInt()).isZero();
        assertThat(api.post("hieutruong", path + "/principal-signature", "").body().path("signed").asInt())
                .isEqualTo(students + 1);
        assertThat(api.get("hieutruong", path + "/progress").body().path("signedByPrincipal").asInt())
                .isEqualTo(students + 1);

        // The seal's credential is unreadable: the job is retried, then becomes an incident.
        Path sealFile = sealCredentialFile(schoolClass);
        byte[] sealKey = Files.readAllBytes(sealFile);
        Files.write(sealFile, "not a PKCS#12 file".getBytes());
        Job seal = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                management.executeJob(seal.getId());
            } catch (RuntimeException expected) {
                // the job's failure is recorded and retried
            }
            assertThat(management.createJobQuery().jobId(seal.getId()).singleResult().getRetries()).isEqualTo(3 - attempt);
            assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isEqualTo(attempt < 3 ? 0 : 1);
        }
        Incident incident = runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getActivityId()).isEqualTo(ClassDocumentsModel.TASK_APPLY_SEAL);
        assertThat(incident.getIncidentMessage()).contains("Không mở được tệp chứng thư số");

        Files.write(sealFile, sealKey);
        management.setJobRetries(seal.getId(), 1);
        runJobs(instance);
        assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(instance).isWaitingAt(ClassDocumentsModel.TASK_CLERK_ARCHIVES);

        assertThat(api.get(homeroom, path + "/package").status()).isEqualTo(403);
        byte[] zip = api.download("vanthu", path + "/package");
        Map<String, byte[]> entries = ExportPackages.unzip(zip);
        ExportPackages.assertManifestMatches(entries);
        ExportPackages.assertEverySignatureTotalPassedAtLta(entries, teachers, students, dataDir.resolve("pki"));
        ExportPackages.assertTranscriptsReferToTheirSignedSheets(entries, teachers);
        ExportPackages.assertClassGradebookRefersToTheSignedSheets(entries, teachers);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'DOCUMENT_SIGNED'").query(Long.class).single())
                .isEqualTo((2L * students + 1) + 2L * (students + 1) + sheets);

        // Học bạ số: every person's slot was signed in their step (issue 17), in order, and stored per student.
        Map<Long, byte[]> records = SignedRecordChecks.assertEveryRecordFullySigned(signedRecords, schoolClass.id(),
                students, pki, dataDir);
        byte[] classPackage = entries.get("hocbaso/" + schoolClass.code() + ".hocbaso-package.zip");
        assertThat(classPackage).as("the export zip holds the học bạ số class package").isNotNull();
        SignedRecordChecks.assertClassPackage(classPackage, records, pki, dataDir);
        // ... and each sealed transcript carries its record signed in every slot (added before the seal's signature,
        // which covers it; every PAdES signature above is still TOTAL_PASSED at LTA), and stays PDF/A-3b.
        assertThat(SignedRecordChecks.assertTranscriptsCarryTheirFullySignedRecords(entries, records, pki, dataDir))
                .isEqualTo(students);
        byte[] transcript = entries.entrySet().stream().filter(e -> e.getKey().startsWith("pdf/HB-")).findFirst()
                .orElseThrow().getValue();
        assertThat(PdfAValidation.failures(transcript)).as("veraPDF PDF/A-3b of the sealed, extended transcript")
                .isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'HOCBASO_RECORD_SIGNED'").query(Long.class)
                .single()).as("one audited signature per record and slot")
                .isEqualTo(signedRecords.latestOfClass(schoolClass.id()).stream().mapToLong(r -> r.slotsTotal()).sum());

        assertThat(api.post("vanthu", path + "/archived", "").status()).isEqualTo(200);
        assertThat(instance).isEnded().hasPassed(ClassDocumentsModel.END_ARCHIVED);
    }

    private Task sheetTask(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(ClassDocumentsModel.TASK_SIGN_SUBJECT_SHEETS).listPage(0, 1).stream().findFirst()
                .orElse(null);
    }

    private Path sealCredentialFile(SchoolClass schoolClass) throws Exception {
        Path people = dataDir.resolve("pki").resolve("people");
        Set<Path> before = new HashSet<>(Files.list(people).toList());
        pki.organisation(directory.schools().get(0).name().toUpperCase(Locale.forLanguageTag("vi")));
        List<Path> created = Files.list(people).filter(p -> !before.contains(p)).toList();
        assertThat(created).hasSize(1);
        return created.get(0);
    }

    private void runJobs(ProcessInstance instance) {
        // due or not (a retry waits a minute): the test does not wait; new jobs are run too
        for (List<Job> jobs = pending(instance); !jobs.isEmpty(); jobs = pending(instance)) {
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
    }

    private List<Job> pending(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).withRetriesLeft().list();
    }
}
