package vn.hocba.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.hocba.agent.AgentBrowser;
import vn.hocba.agent.AgentFixture;
import vn.hocba.agent.PairedOrigins;
import vn.hocba.agent.ScriptedPrompt;
import vn.hocba.agent.SigningAgent;
import vn.hocba.agent.TokenKeys;
import vn.hocba.documents.YearClosing;
import vn.hocba.documents.YearCompletion;
import vn.hocba.gradebook.ClassResultsStore;
import vn.hocba.gradebook.GradebookLocks;
import vn.hocba.gradebook.closing.SummerWork;
import vn.hocba.gradebook.closing.YearEnd;
import vn.hocba.gradebook.interchange.GradebookBulkLoad;
import vn.hocba.pades.SoftHsmToken;
import vn.hocba.pades.devpki.DevelopmentPki;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.students.StudentRegistry;
import vn.hocba.support.ApiClient;
import vn.hocba.support.ApiClient.Reply;
import vn.hocba.support.EmbeddedPostgresDatabases;
import vn.hocba.support.TemporaryDataDirectory;

/**
 * Issue 16 at the HTTP level, on real PostgreSQL: demo class 6A1's homeroom teacher and principal
 * (and one subject teacher) sign through the local signing agent with keys on a SoftHSM2 token made
 * by the test, the seal signs on the server, and every signature of the export package is
 * TOTAL_PASSED at PAdES-BASELINE-LTA. A wrong PIN, a certificate that is not the person's and the
 * agent stopped halfway each end with their own message and write nothing; the batch is then signed
 * once, without duplicates. The test plays the page's script (server API by MockMvc, agent over HTTP).
 */
@SpringBootTest(properties = "hocba.own-keys.device-timeout=PT2M")
@AutoConfigureMockMvc
class OwnKeySigningOnPostgresTest {

    private static final String ORIGIN = "http://localhost:8080";
    private static Path dataDir;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws Exception {
        EmbeddedPostgresDatabases.register(registry, "own_key_signing");
        dataDir = TemporaryDataDirectory.register(registry, "hocba-own-key-signing");
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
    vn.hocba.hocbaso.SignedRecords signedRecords;
    @Autowired
    GradebookLocks locks;
    @Autowired
    YearEnd yearEnd;
    @Autowired
    SummerWork summer;

    final ObjectMapper json = new ObjectMapper();
    ApiClient api;
    Path answers;
    SigningAgent agent;
    AgentBrowser page;

    @Test
    void homeroomTeacherAndPrincipalSignOnTheirTokensAndTheExportedPackageIsValidAtLta() throws Exception {
        api = new ApiClient(mvc);
        SchoolClass schoolClass = directory.classByCode(
                directory.activeYear(directory.schools().get(0).id()).orElseThrow().id(), "6A1").orElseThrow();
        new YearCompletion(directory, registry, load, results).completeTermTwo(schoolClass);
        new YearClosing(directory, registry, locks, yearEnd, summer, load, results).close(schoolClass);
        String path = "/api/classes/" + schoolClass.id().value() + "/year-documents";
        String homeroom = "gv01";
        String homeroomName = directory.homeroomOf(schoolClass.id()).orElseThrow().teacher().fullName();
        String principalName = name("hieutruong");

        // The SoftHSM2 token: the homeroom teacher's, the principal's and a subject teacher's keys.
        Path pkiDir = dataDir.resolve("pki");
        X509Certificate homeroomCert = AgentFixture.keyOnToken(pki, pkiDir, homeroomName, "own-key-gvcn");
        X509Certificate principalCert = AgentFixture.keyOnToken(pki, pkiDir, principalName, "own-key-ht");
        answers = Files.createTempFile(dataDir, "agent-answers", ".txt");
        AgentFixture.answers(answers, SoftHsmToken.PIN, "730154", true);
        startAgent();

        // Item 4: each person registers their own certificate as read by the agent; not someone else's.
        Reply foreign = api.post(homeroom, "/api/me/certificates", chainBody(principalCert));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.detail()).contains("không phải tên trong hồ sơ cán bộ của tài khoản gv01")
                .contains(principalName);
        Reply mine = api.post(homeroom, "/api/me/certificates", chainBody(homeroomCert));
        assertThat(mine.status()).as(mine.toString()).isEqualTo(201);
        assertThat(mine.body().path("subject").asText()).contains(homeroomName);
        assertThat(api.post("hieutruong", "/api/me/certificates", chainBody(principalCert)).status()).isEqualTo(201);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'CERTIFICATE_REGISTERED'")
                .query(Long.class).single()).isEqualTo(2);

        // The subject teachers sign their sheets (server-side keys), the process goes on to the homeroom teacher.
        var instance = runtime.createProcessInstanceQuery()
                .processInstanceId(api.post("hieutruong", path, "").body().path("processInstanceId").asText())
                .singleResult();
        runJobs(instance.getId());
        for (Task task = sheetTask(instance.getId()); task != null; task = sheetTask(instance.getId())) {
            assertThat(api.post(task.getAssignee(), path + "/subject-sheet/signature", "").status()).isEqualTo(200);
        }
        runJobs(instance.getId());
        int students = registry.roster(schoolClass.id()).size();
        long classId = schoolClass.id().value();

        // Someone else's certificate: the homeroom teacher picks the principal's on the token.
        Reply other = start(homeroom, "HOMEROOM", classId, principalCert);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.detail()).contains("chưa được đăng ký cho tài khoản gv01");

        // A wrong PIN typed into the agent: a specific message, nothing signed.
        AgentFixture.answers(answers, "000000", "730154", true);
        JsonNode wrongPin = signThroughAgent(homeroom, "HOMEROOM", classId, homeroomCert);
        assertThat(wrongPin.path("state").asText()).isEqualTo("FAILED");
        assertThat(wrongPin.path("message").asText()).startsWith("Mã PIN của thiết bị ký không đúng. Không văn bản nào được ký");
        assertNothingSignedAt("2-gvcn.pdf");

        // The agent stops halfway (token unplugged, PC closed): the page reports it, nothing is written.
        AgentFixture.answers(answers, SoftHsmToken.PIN, "730154", true);
        Reply started = start(homeroom, "HOMEROOM", classId, homeroomCert);
        JsonNode awaiting = awaitState(homeroom, started.body().path("id").asText(), "AWAITING_DEVICE");
        agent.close();
        assertThat(catching(() -> page.sign(awaiting.path("certificateId").asText(), texts(awaiting.path("dataToSign")),
                "học bạ", "6A1"))).isInstanceOf(java.net.ConnectException.class);
        api.post(homeroom, "/api/own-key-signing/" + awaiting.path("id").asText() + "/refusal",
                "{\"error\":\"AGENT_UNREACHABLE\",\"message\":\"fetch failed\"}");
        JsonNode stopped = awaitState(homeroom, awaiting.path("id").asText(), "FAILED");
        assertThat(stopped.path("message").asText()).contains("Phần mềm ký số trên máy đã ngừng giữa chừng")
                .contains("Không văn bản nào được ký");
        assertNothingSignedAt("2-gvcn.pdf");

        // The agent is started again: the whole batch is signed once, with one PIN entry.
        startAgent();
        JsonNode done = signThroughAgent(homeroom, "HOMEROOM", classId, homeroomCert);
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.path("signed").asInt()).isEqualTo(2 * students + 1);
        assertThat(done.path("message").asText()).isEqualTo("Đã ký " + (2 * students + 1) + "/" + (2 * students + 1)
                + " văn bản.");
        assertThat(prompts().stream().filter(q -> q.contains("Nhập mã PIN của thiết bị ký")).count()).isOne();
        // One PIN for the PDFs and, riding in the same batch, the homeroom slot of every học bạ số record (issue 17).
        assertThat(prompts()).anyMatch(q -> q.contains((2 * students + 1 + students) + " văn bản") && q.contains("lớp 6A1"));

        JsonNode principalDone = signThroughAgent("hieutruong", "PRINCIPAL", classId, principalCert);
        assertThat(principalDone.path("state").asText()).as(principalDone.toString()).isEqualTo("DONE");
        assertThat(principalDone.path("signed").asInt()).isEqualTo(students + 1);
        agent.close();
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'HOCBASO_RECORD_SIGNED' and reason like ?")
                .param("CBQL%").query(Long.class).single()).as("the principal's record slots, signed on the token")
                .isEqualTo(students);

        // The seal signs on the server; the clerk's package is valid at LTA with the development root.
        runJobs(instance.getId());
        Map<String, byte[]> entries = ExportPackages.unzip(api.download("vanthu", path + "/package"));
        ExportPackages.assertEverySignatureTotalPassedAtLta(entries, ExportPackages.teachersBySubject(directory,
                schoolClass.id()), students, pkiDir);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'DOCUMENT_SIGNED' and reason like ?")
                .param("Giáo viên chủ nhiệm%").query(Long.class).single()).isEqualTo(2L * students + 1);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'DOCUMENT_SIGNED' and reason like ?")
                .param("Hiệu trưởng%").query(Long.class).single()).isEqualTo(students + 1L);
        // Every record signed in every slot (GVCN and CBQL on the token through the agent, the subject teachers and
        // the seal on the server) as XAdES-T: valid, each slot time-stamped by the development TSA; xmlsec1 agrees.
        vn.hocba.hocbaso.SignedRecordChecks.assertEveryRecordFullySigned(signedRecords, schoolClass.id(), students, pki,
                dataDir);
    }

    private void startAgent() throws Exception {
        agent = SigningAgent.start(0, new PairedOrigins(dataDir.resolve("agent").resolve("paired-origins.txt")),
                new TokenKeys().withPkcs11(SoftHsmToken.module(), 1), prompt = new ScriptedPrompt(answers));
        page = new AgentBrowser(ORIGIN, agent.port());
        assertThat(page.pair("730154").status()).isEqualTo(200);
        assertThat(page.readTokens().status()).isEqualTo(200);
    }

    ScriptedPrompt prompt;

    /** What the agent asked the person, since it was last started. */
    private List<String> prompts() {
        return prompt.questions();
    }

    /** What the page does: start, wait for the data, have the agent sign it, deliver or report, wait for the end. */
    private JsonNode signThroughAgent(String user, String step, long classId, X509Certificate certificate)
            throws Exception {
        Reply started = start(user, step, classId, certificate);
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String id = started.body().path("id").asText();
        JsonNode awaiting = awaitState(user, id, "AWAITING_DEVICE");
        AgentBrowser.Answer answer = page.sign(awaiting.path("certificateId").asText(),
                texts(awaiting.path("dataToSign")), awaiting.path("kind").asText(), awaiting.path("classCode").asText());
        if (answer.status() == 200) {
            api.post(user, "/api/own-key-signing/" + id + "/signatures",
                    json.writeValueAsString(Map.of("signatures", texts(answer.body().path("signatures")))));
        } else {
            api.post(user, "/api/own-key-signing/" + id + "/refusal", json.writeValueAsString(Map.of(
                    "error", answer.body().path("error").asText(), "message", answer.body().path("message").asText())));
        }
        JsonNode end = awaitEnd(user, id);
        assertThat(api.get(user, "/api/own-key-signing/current").status()).isEqualTo(204);
        return end;
    }

    private Reply start(String user, String step, long classId, X509Certificate certificate) throws Exception {
        return api.post(user, "/api/own-key-signing", json.writeValueAsString(Map.of("step", step, "classId", classId,
                "method", "AGENT", "certificate", List.of(java.util.Base64.getEncoder().encodeToString(
                        certificate.getEncoded())))));
    }

    private JsonNode awaitState(String user, String id, String state) throws Exception {
        Instant until = Instant.now().plus(Duration.ofMinutes(3));
        JsonNode shown = api.get(user, "/api/own-key-signing/" + id).body();
        while (!shown.path("state").asText().equals(state) && Instant.now().isBefore(until)) {
            Thread.sleep(200);
            shown = api.get(user, "/api/own-key-signing/" + id).body();
        }
        assertThat(shown.path("state").asText()).as(shown.toString()).isEqualTo(state);
        return shown;
    }

    private JsonNode awaitEnd(String user, String id) throws Exception {
        Instant until = Instant.now().plus(Duration.ofMinutes(5));
        JsonNode shown = api.get(user, "/api/own-key-signing/" + id).body();
        while (!List.of("DONE", "FAILED").contains(shown.path("state").asText()) && Instant.now().isBefore(until)) {
            Thread.sleep(300);
            shown = api.get(user, "/api/own-key-signing/" + id).body();
        }
        return shown;
    }

    private void assertNothingSignedAt(String fileName) throws Exception {
        try (var files = Files.walk(dataDir.resolve("signed"))) {
            assertThat(files.filter(f -> f.getFileName().toString().equals(fileName)).toList()).isEmpty();
        }
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'DOCUMENT_SIGNED' and reason like ?")
                .param("Giáo viên chủ nhiệm%").query(Long.class).single()).isZero();
    }

    private String chainBody(X509Certificate certificate) throws Exception {
        return json.writeValueAsString(Map.of("chain", page.chain(AgentFixture.id(certificate)), "source", "AGENT"));
    }

    private String name(String username) {
        var account = jdbc.sql("select staff_id from account where username = ?").param(username).query(Long.class).single();
        return directory.staffMember(new vn.hocba.schoolyear.StaffId(account)).fullName();
    }

    private static List<String> texts(JsonNode array) {
        List<String> list = new java.util.ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static Throwable catching(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return org.assertj.core.api.Assertions.catchThrowable(call);
    }

    private Task sheetTask(String instanceId) {
        return tasks.createTaskQuery().processInstanceId(instanceId)
                .taskDefinitionKey(ClassDocumentsModel.TASK_SIGN_SUBJECT_SHEETS).listPage(0, 1).stream().findFirst()
                .orElse(null);
    }

    private void runJobs(String instanceId) {
        for (List<Job> jobs = pending(instanceId); !jobs.isEmpty(); jobs = pending(instanceId)) {
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
    }

    private List<Job> pending(String instanceId) {
        return management.createJobQuery().processInstanceId(instanceId).withRetriesLeft().list();
    }
}
