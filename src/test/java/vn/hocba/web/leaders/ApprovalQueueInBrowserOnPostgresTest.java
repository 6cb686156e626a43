package vn.hocba.web.leaders;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.support.ApiClient;
import vn.hocba.support.EmbeddedPostgresDatabases;
import vn.hocba.support.TemporaryDataDirectory;

/**
 * The principal's approval queue in Chromium on real PostgreSQL: class 6A1's term I, signed off by its
 * teachers through the API, is approved from {@code /duyet} (the approval record and the lock name the
 * principal); a grade correction of the locked term is rejected with a reason typed on the page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApprovalQueueInBrowserOnPostgresTest {

    private static Path dataDir;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabases.register(registry, "approval_queue_browser");
        dataDir = TemporaryDataDirectory.register(registry, "hocba-approval-queue");
    }

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ManagementService management;
    @Autowired
    SchoolDirectory directory;

    ApiClient api;
    LeadersBrowser browser;
    SchoolClass class6A1;

    @BeforeAll
    void start() {
        api = new ApiClient(mvc);
        browser = new LeadersBrowser(port);
        class6A1 = directory.classByCode(directory.activeYear(directory.schools().get(0).id()).orElseThrow().id(), "6A1")
                .orElseThrow();
    }

    @AfterAll
    void stop() {
        browser.close();
        TemporaryDataDirectory.delete(dataDir);
    }

    @Test
    @Order(1)
    void thePrincipalApprovesATermFromTheQueueAndTheApprovalRecordNamesThem() throws Exception {
        long classId = class6A1.id().value();
        signedOffByTeachers(classId);
        String homeroomHash = jdbc.sql("select content_sha256 from sign_off where class_id = ? and term = 1 "
                + "and kind = 'HOMEROOM' and status = 'ACTIVE'").param(classId).query(String.class).single();

        browser.logIn("hieutruong");
        browser.open("/duyet");
        WebElement card = browser.driver.findElement(By.id("hoc-ki-" + classId + "-1"));
        assertThat(card.getText()).contains("Chốt học kì I · Lớp 6A1").contains(homeroomHash)
                .contains("Không thiếu điểm, nhận xét hay xếp loại nào");
        assertThat(browser.accessibilityViolations()).isEmpty();
        browser.screenshots("duyet");
        card.findElement(By.cssSelector("form.approve button")).click();
        browser.waitUntil(d -> !d.findElements(By.cssSelector("p.info")).isEmpty());
        assertThat(browser.driver.findElement(By.cssSelector("p.info")).getText())
                .isEqualTo("Đã duyệt kết quả học kì I của lớp 6A1.");

        assertThat(jdbc.sql("select signed_by from sign_off where class_id = ? and term = 1 and kind = 'PRINCIPAL' "
                + "and status = 'ACTIVE'").param(classId).query(String.class).single()).isEqualTo("hieutruong");
        assertThat(jdbc.sql("select content_sha256 from sign_off where class_id = ? and term = 1 and kind = 'PRINCIPAL'")
                .param(classId).query(String.class).single()).as("the principal approves what the homeroom teacher signed")
                .isEqualTo(homeroomHash);
        runJobs();
        assertThat(jdbc.sql("select locked_by from gradebook_lock where class_id = ? and term = 1 and scope = 'CLASS_TERM' "
                + "and unlocked_at is null").param(classId).query(String.class).single()).isEqualTo("hieutruong");
        browser.open("/duyet");
        assertThat(browser.driver.findElements(By.id("hoc-ki-" + classId + "-1"))).isEmpty();
        assertThat(browser.driver.findElement(By.id("locks")).getText()).contains("6A1").contains("Lê Văn Triển");
    }

    @Test
    @Order(2)
    void thePrincipalRejectsACorrectionWithAReasonTypedOnThePage() throws Exception {
        long classId = class6A1.id().value();
        JsonNode toan = teachingOf(classId, "TOAN");
        long subjectId = toan.path("subject").path("id").asLong();
        long studentId = jdbc.sql("select student_id from mark where class_id = ? and subject_id = ? and term = 1 "
                + "and kind = 'REGULAR' and column_no = 1 and score is not null and score < 10 order by student_id limit 1")
                .params(classId, subjectId).query(Long.class).single();
        String teacher = toan.path("teacher").path("code").asText().toLowerCase();
        ApiClient.Reply filed = api.post(teacher, "/api/corrections", "{\"classId\":" + classId + ",\"subjectId\":" + subjectId
                + ",\"studentId\":" + studentId + ",\"term\":1,\"kind\":\"REGULAR\",\"column\":1,\"newValue\":\"10\","
                + "\"reason\":\"Nhập nhầm điểm bài kiểm tra miệng\"}");
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        long id = filed.body().path("request").path("id").asLong();
        assertThat(api.post(homeroom(classId), "/api/corrections/" + id + "/confirm", "").status()).isEqualTo(200);
        String before = markOf(classId, subjectId, studentId);

        browser.logIn("hieutruong");
        browser.open("/duyet");
        WebElement card = browser.driver.findElement(By.id("sua-diem-" + id));
        assertThat(card.getText()).contains("Nhập nhầm điểm bài kiểm tra miệng").contains("ĐĐGtx cột 1").contains("→ 10");
        browser.screenshots("duyet-sua-diem");
        card.findElement(By.cssSelector("form.reject textarea")).sendKeys("Không có minh chứng bài kiểm tra");
        card.findElement(By.cssSelector("form.reject button")).click();
        browser.waitUntil(d -> !d.findElements(By.cssSelector("p.info")).isEmpty());

        var stored = jdbc.sql("select status, decided_by, decision_reason from correction_request where id = ?").param(id)
                .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3)).single();
        assertThat(stored).isEqualTo("REJECTED|hieutruong|Không có minh chứng bài kiểm tra");
        assertThat(markOf(classId, subjectId, studentId)).as("a rejected correction changes no mark").isEqualTo(before);
        assertThat(browser.driver.findElements(By.id("sua-diem-" + id))).isEmpty();
    }

    @Test
    @Order(3)
    void aSubjectTeacherCannotOpenTheQueue() {
        ApiClient.Reply reply = api.get("gv11", "/duyet");
        assertThat(reply.status()).isEqualTo(403);
    }

    @Test
    @Order(4)
    void theDashboardShowsTheLockedTermAndTheProcessPictureMarksItsStepsDone() throws Exception {
        long classId = class6A1.id().value();
        browser.logIn("hieutruong");
        browser.open("/truong?khoi=6");
        assertThat(browser.driver.findElements(By.cssSelector("#overview tbody tr"))).hasSize(2);
        WebElement row = browser.driver.findElement(By.id("lop-6A1"));
        assertThat(row.findElements(By.cssSelector("td")).get(2).getText()).isEqualTo("Đã khoá");
        assertThat(browser.accessibilityViolations()).isEmpty();
        browser.screenshots("truong");

        browser.open("/truong/lop/" + classId + "/quy-trinh");
        WebElement termOne = browser.driver.findElements(By.cssSelector("svg.bpmn")).get(0);
        assertThat(termOne.findElements(By.cssSelector("g.shape.done")).size()).as("finished steps of term I").isGreaterThan(5);
        assertThat(termOne.findElements(By.cssSelector("g.shape.current"))).isEmpty();
        assertThat(browser.driver.findElements(By.cssSelector("svg.bpmn")).get(1).findElements(By.cssSelector("g.shape.done")))
                .as("term II not started").isEmpty();
        assertThat(browser.accessibilityViolations()).isEmpty();
        browser.screenshots("truong-quy-trinh");
    }

    @Test
    @Order(5)
    void thePrincipalRemindsATeacherWhoIsBehindAndTheReminderIsAudited() throws Exception {
        browser.logIn("hieutruong");
        browser.open("/truong?hk=2&khoi=6");
        WebElement first = browser.driver.findElements(By.cssSelector("#behind tbody tr")).get(0);
        String teacherName = first.findElements(By.cssSelector("td")).get(0).getText();
        first.findElement(By.cssSelector("button")).click();
        browser.waitUntil(d -> !d.findElements(By.cssSelector("p.info")).isEmpty());
        assertThat(browser.driver.findElement(By.cssSelector("p.info")).getText()).startsWith("Đã nhắc " + teacherName);
        String username = jdbc.sql("select a.username from account a join staff s on s.id = a.staff_id where s.full_name = ?")
                .param(teacherName).query(String.class).single();
        assertThat(jdbc.sql("select count(*) from notification where recipient = ? and kind = 'ENTRY_REMINDER_MANUAL'")
                .param(username).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'ENTRY_REMINDER_SENT' and actor = 'hieutruong'")
                .query(Long.class).single()).isEqualTo(1);
    }

    private void signedOffByTeachers(long classId) {
        String path = "/api/classes/" + classId + "/terms/1";
        ApiClient.Reply started = api.post("hieutruong", path + "/close", "{}");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        runJobs();
        for (JsonNode t : api.get("hieutruong", "/api/classes/" + classId).body().path("teaching")) {
            ApiClient.Reply signed = api.post(t.path("teacher").path("code").asText().toLowerCase(),
                    path + "/subjects/" + t.path("subject").path("id").asLong() + "/sign-off", "{}");
            assertThat(signed.status()).as(signed.toString()).isIn(200, 409);
        }
        assertThat(api.post(homeroom(classId), path + "/homeroom-check", "{}").status()).isEqualTo(200);
        ApiClient.Reply homeroomSigned = api.post(homeroom(classId), path + "/sign-off", "{}");
        assertThat(homeroomSigned.status()).as(homeroomSigned.toString()).isEqualTo(200);
    }

    private String homeroom(long classId) {
        return api.get("hieutruong", "/api/classes/" + classId).body().path("homeroomTeacher").path("code").asText().toLowerCase();
    }

    private JsonNode teachingOf(long classId, String subjectCode) {
        for (JsonNode t : api.get("hieutruong", "/api/classes/" + classId).body().path("teaching")) {
            if (t.path("subject").path("code").asText().equals(subjectCode)) {
                return t;
            }
        }
        throw new IllegalStateException(subjectCode);
    }

    private String markOf(long classId, long subjectId, long studentId) {
        return jdbc.sql("select score from mark where class_id = ? and subject_id = ? and student_id = ? and term = 1 "
                + "and kind = 'REGULAR' and column_no = 1").params(classId, subjectId, studentId).query(String.class).single();
    }

    private void runJobs() {
        for (int round = 0; round < 5; round++) {
            var jobs = management.createJobQuery().executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            for (Job job : jobs) {
                management.executeJob(job.getId());
            }
        }
    }
}
