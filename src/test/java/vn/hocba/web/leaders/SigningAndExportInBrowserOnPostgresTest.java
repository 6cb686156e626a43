package vn.hocba.web.leaders;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.hocba.audit.Actor;
import vn.hocba.documents.ClassDocuments;
import vn.hocba.documents.IssuedDocument;
import vn.hocba.documents.YearClosing;
import vn.hocba.documents.YearCompletion;
import vn.hocba.gradebook.ClassResultsStore;
import vn.hocba.gradebook.GradebookLocks;
import vn.hocba.gradebook.MarkKind;
import vn.hocba.gradebook.closing.SummerWork;
import vn.hocba.gradebook.closing.YearEnd;
import vn.hocba.gradebook.corrections.Corrections;
import vn.hocba.gradebook.interchange.GradebookBulkLoad;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.students.StudentRegistry;
import vn.hocba.support.EmbeddedPostgresDatabases;
import vn.hocba.support.TemporaryDataDirectory;
import vn.hocba.workflow.ClassDocumentsModel;
import vn.hocba.workflow.ClassDocumentsWorkflow;
import vn.hocba.workflow.CorrectionWorkflow;
import vn.hocba.workflow.PendingApprovals;

/**
 * Class 6A1's year documents in Chromium on real PostgreSQL: the principal previews a transcript and signs
 * the class with "Ký tất cả" (the polled progress reaches m/m, every document carries the principal's
 * recorded signature); the clerk downloads the package (its manifest table, manifest.json and the files
 * agree) and confirms archiving; after a correction the first package shows as outdated and the new version
 * holds the new document versions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SigningAndExportInBrowserOnPostgresTest {

    private static Path dataDir;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabases.register(registry, "signing_export_browser");
        dataDir = TemporaryDataDirectory.register(registry, "hocba-signing-export-browser");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ManagementService management;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    SchoolDirectory directory;
    @Autowired
    StudentRegistry registry;
    @Autowired
    GradebookBulkLoad load;
    @Autowired
    ClassResultsStore results;
    @Autowired
    GradebookLocks locks;
    @Autowired
    YearEnd yearEnd;
    @Autowired
    SummerWork summer;
    @Autowired
    ClassDocumentsWorkflow workflow;
    @Autowired
    CorrectionWorkflow corrections;
    @Autowired
    ClassDocuments documents;
    @Autowired
    PendingApprovals pending;

    LeadersBrowser browser;
    SchoolClass schoolClass;
    long classId;
    String homeroom;

    @BeforeAll
    void closeTheYearAndSignUpToTheHomeroomTeacher() throws Exception {
        schoolClass = directory.classByCode(directory.activeYear(directory.schools().get(0).id()).orElseThrow().id(), "6A1")
                .orElseThrow();
        classId = schoolClass.id().value();
        homeroom = directory.homeroomOf(schoolClass.id()).orElseThrow().teacher().code().toLowerCase();
        new YearCompletion(directory, registry, load, results).completeTermTwo(schoolClass);
        new YearClosing(directory, registry, locks, yearEnd, summer, load, results).close(schoolClass);
        signUpToTheHomeroomTeacher();
        Files.createDirectories(LeadersBrowser.DOWNLOADS);
        try (var old = Files.list(LeadersBrowser.DOWNLOADS)) {
            old.forEach(f -> f.toFile().delete());
        }
        browser = new LeadersBrowser(port);
    }

    @AfterAll
    void stop() {
        browser.close();
        TemporaryDataDirectory.delete(dataDir);
    }

    @Test
    @Order(1)
    void thePrincipalPreviewsATranscriptAndSignsTheClassWithSignAllUpToMOfM() throws Exception {
        browser.logIn("hieutruong");
        browser.open("/lop/" + classId + "/tai-lieu");
        String count = browser.driver.findElement(By.id("sign-count")).getText();
        int total = Integer.parseInt(count.substring(count.indexOf('/') + 1));
        assertThat(count).isEqualTo("0/" + total);
        assertThat(total).as("transcripts and the class gradebook").isGreaterThan(30);
        assertThat(browser.accessibilityViolations()).isEmpty();
        browser.screenshots("tai-lieu");

        WebElement transcript = browser.driver.findElements(By.cssSelector("#documents tbody tr")).stream()
                .filter(r -> r.getText().startsWith("Học bạ")).findFirst().orElseThrow();
        transcript.findElement(By.linkText("Xem")).click();
        browser.waitUntil(d -> !d.findElements(By.cssSelector("img.page")).isEmpty());
        WebElement page = browser.driver.findElements(By.cssSelector("img.page")).get(0);
        browser.waitUntil(d -> ((Number) ((JavascriptExecutor) d).executeScript(
                "return arguments[0].complete ? arguments[0].naturalWidth : 0;", page)).intValue() > 0);
        assertThat(((Number) ((JavascriptExecutor) browser.driver).executeScript("return arguments[0].naturalWidth;", page))
                .intValue()).as("an A4 page at 110 dpi").isBetween(850, 950);
        assertThat(browser.accessibilityViolations()).isEmpty();
        browser.screenshots("tai-lieu-xem-truoc");
        assertThat(Files.list(dataDir.resolve("previews")).count()).as("the rendered page is cached").isEqualTo(1);

        browser.open("/lop/" + classId + "/tai-lieu");
        browser.driver.findElement(By.id("sign-all-button")).click();
        browser.waitUntil(d -> d.findElement(By.id("sign-count")).getText().equals(total + "/" + total)
                && d.findElement(By.id("sign-state")).getText().equals("Đã ký tất cả."));
        browser.screenshots("tai-lieu-da-ky");

        String principal = directory.staff(directory.year(schoolClass.yearId()).schoolId()).stream()
                .filter(s -> s.position() == vn.hocba.schoolyear.Position.PRINCIPAL).findFirst().orElseThrow().fullName();
        assertThat(jdbc.sql("select count(*) from document_signature where class_id = ? and stage = 'PRINCIPAL' and signer = ?")
                .params(classId, principal).query(Long.class).single()).isEqualTo(total);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'DOCUMENT_SIGNED' and actor = 'hieutruong'")
                .query(Long.class).single()).isEqualTo(total);
        assertThat(pending.open()).noneMatch(p -> p.kind() == PendingApprovals.Kind.SIGN_DOCUMENTS && p.classId() == classId);
    }

    @Test
    @Order(2)
    void theClerkDownloadsThePackageWhoseManifestMatchesItsFilesAndConfirmsArchiving() throws Exception {
        runAllJobs();
        browser.logIn("vanthu");
        browser.open("/xuat");
        assertThat(browser.driver.findElement(By.id("lop-6A1")).getText()).contains("Sẵn sàng tải").contains("v1");
        assertThat(browser.accessibilityViolations()).isEmpty();
        browser.screenshots("xuat");
        browser.driver.findElement(By.linkText("6A1")).click();
        browser.waitUntil(d -> !d.findElements(By.id("manifest")).isEmpty());
        Map<String, String[]> table = manifestTable();
        browser.driver.findElement(By.cssSelector("#v1 a.download")).click();
        byte[] zip = Files.readAllBytes(browser.downloaded("6A1-v1.zip"));

        Map<String, byte[]> entries = unzip(zip);
        JsonNode manifest = new ObjectMapper().readTree(entries.get("manifest.json"));
        assertThat(table).hasSize(manifest.path("files").size()).hasSize(entries.size() - 1);
        for (JsonNode f : manifest.path("files")) {
            byte[] bytes = entries.get(f.path("path").asText());
            assertThat(bytes).as(f.path("path").asText()).isNotNull();
            assertThat(sha256(bytes)).isEqualTo(f.path("sha256").asText());
            assertThat(table.get(f.path("path").asText())).containsExactly(sha256(bytes), String.valueOf(bytes.length));
        }
        assertThat(jdbc.sql("select downloaded_by from export_package_receipt where class_id = ? and version = 1")
                .param(classId).query(String.class).single()).isEqualTo("vanthu");

        browser.open("/xuat/lop/" + classId);
        assertThat(browser.accessibilityViolations()).isEmpty();
        browser.screenshots("xuat-lop");
        browser.driver.findElement(By.id("archived-button")).click();
        browser.waitUntil(d -> !d.findElements(By.id("archived-note")).isEmpty());
        assertThat(jdbc.sql("select archived_by from export_package_receipt where class_id = ? and version = 1")
                .param(classId).query(String.class).single()).isEqualTo("vanthu");
        assertThat(pending.open()).as("the ClassDocuments process ended with the clerk's confirmation")
                .noneMatch(p -> p.classId() == classId);
        assertThat(browser.driver.findElement(By.cssSelector("#v1 .package-state")).getText()).isEqualTo("Đã lưu trữ");
    }

    @Test
    @Order(3)
    void afterACorrectionTheClerkSeesTheOldPackageOutdatedAndTheNewVersionHoldsTheNewDocuments() throws Exception {
        correctOneMathsMark();
        signUpToTheHomeroomTeacher();
        workflow.principalSigns(schoolClass, new Actor("hieutruong", "PRINCIPAL", null));
        runAllJobs();
        List<String> reissued = documents.ofClass(schoolClass.id()).stream().filter(d -> d.version() > 1)
                .map(IssuedDocument::id).toList();
        assertThat(reissued).isNotEmpty();

        browser.logIn("vanthu");
        browser.open("/xuat/lop/" + classId);
        assertThat(browser.driver.findElement(By.cssSelector("#v1 .package-state")).getText()).startsWith("Lỗi thời");
        assertThat(browser.driver.findElement(By.cssSelector("#v2 .package-state")).getText()).isEqualTo("Sẵn sàng tải");
        browser.screenshots("xuat-lop-sau-sua-diem");
        browser.driver.findElement(By.cssSelector("#v2 a.download")).click();
        Map<String, byte[]> entries = unzip(Files.readAllBytes(browser.downloaded("6A1-v2.zip")));
        for (String id : reissued) {
            assertThat(entries).as("new version " + id + " in package v2").containsKey("pdf/" + id + ".pdf");
        }
        assertThat(dataDir.resolve("exports").resolve(directory.year(schoolClass.yearId()).name()).resolve("6A1-v1.zip"))
                .as("the outdated package is kept").exists();
    }

    private void correctOneMathsMark() {
        long toan = directory.teachingAssignmentsOfClass(schoolClass.id()).stream()
                .filter(t -> t.subject().code().equals("TOAN")).findFirst().orElseThrow().subject().id().value();
        String teacher = directory.teachingAssignmentsOfClass(schoolClass.id()).stream()
                .filter(t -> t.subject().code().equals("TOAN")).findFirst().orElseThrow().teacher().code().toLowerCase();
        long student = registry.roster(schoolClass.id()).get(2).student().id().value();
        BigDecimal old = jdbc.sql("select score from mark where class_id = ? and student_id = ? and subject_id = ? "
                + "and term = 1 and kind = 'REGULAR' and column_no = 1").params(classId, student, toan)
                .query(BigDecimal.class).single();
        String value = old.compareTo(new BigDecimal("5")) >= 0 ? old.subtract(BigDecimal.ONE).toPlainString()
                : old.add(BigDecimal.ONE).toPlainString();
        long id = corrections.request(new Corrections.Request(classId, toan, student, 1, MarkKind.REGULAR, 1, value,
                "Nhập nhầm so với sổ điểm cá nhân", null, null), new Actor(teacher, "SUBJECT_TEACHER", null)).request().id();
        corrections.confirm(id, new Actor(homeroom, "HOMEROOM_TEACHER", null));
        corrections.approve(id, "Có xác nhận của tổ chuyên môn", new Actor("hieutruong", "PRINCIPAL", null));
        runAllJobs();
    }

    /** A run of the class's documents: the one a correction called (issue 13 item 11), else a new one. */
    private void signUpToTheHomeroomTeacher() {
        var running = runtime.createProcessInstanceQuery().processDefinitionKey(ClassDocumentsModel.PROCESS)
                .variableValueEquals("classId", classId).list();
        String instance = running.isEmpty() ? workflow.start(schoolClass, new Actor("hieutruong", "PRINCIPAL", null))
                : running.get(0).getId();
        runAllJobs();
        for (Task task = sheetTask(instance); task != null; task = sheetTask(instance)) {
            workflow.signSubjectSheet(schoolClass, new Actor(task.getAssignee(), "SUBJECT_TEACHER", null));
        }
        runAllJobs();
        workflow.homeroomSigns(schoolClass, new Actor(homeroom, "HOMEROOM_TEACHER", null));
    }

    private Map<String, String[]> manifestTable() {
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (WebElement row : browser.driver.findElements(By.cssSelector("#manifest tbody tr"))) {
            rows.put(row.findElement(By.cssSelector(".path")).getText(), new String[] {
                    row.findElement(By.cssSelector(".sha")).getText(), row.findElement(By.cssSelector(".size")).getText()});
        }
        return rows;
    }

    private Task sheetTask(String instance) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey(ClassDocumentsModel.TASK_SIGN_SUBJECT_SHEETS).listPage(0, 1);
        return open.isEmpty() ? null : open.get(0);
    }

    private void runAllJobs() {
        for (List<Job> jobs = executable(); !jobs.isEmpty(); jobs = executable()) {
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
    }

    private List<Job> executable() {
        return management.createJobQuery().executable().withRetriesLeft().list();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
