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
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.annotation.Import;
import vn.hocba.audit.Actor;
import vn.hocba.documents.YearCompletion;
import vn.hocba.gradebook.ClassResultsStore;
import vn.hocba.gradebook.closing.SummerWork;
import vn.hocba.gradebook.closing.YearEnd;
import vn.hocba.gradebook.homeroom.ConductEntry;
import vn.hocba.gradebook.interchange.GradebookBulkLoad;
import vn.hocba.grading.Promotion;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.students.StudentId;
import vn.hocba.students.StudentRegistry;
import vn.hocba.support.ApiClient;
import vn.hocba.support.EmbeddedPostgresDatabases;
import vn.hocba.support.SqlStatementCounter;
import vn.hocba.support.TemporaryDataDirectory;
import vn.hocba.web.BrowserSession;
import vn.hocba.workflow.YearEndModel;

/**
 * The principal's approval queue in Chromium on real PostgreSQL: class 6A1's term I, signed off by its
 * teachers through the API, is approved from {@code /duyet} (the approval record and the lock name the
 * principal); a grade correction of the locked term is rejected with a reason typed on the page; 7A1's
 * year-end lists and summer results are sent back with a reason and approved once resubmitted; the entry
 * progress per column against its deadline, and the dashboard's number of SQL statements, which must not grow
 * with the number of classes ({@link SqlStatementCounter}, imported into this class's own context).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(SqlStatementCounter.class)
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
    @Autowired
    TaskService taskService;
    @Autowired
    StudentRegistry registry;
    @Autowired
    GradebookBulkLoad load;
    @Autowired
    ClassResultsStore results;
    @Autowired
    YearEnd yearEnd;
    @Autowired
    SummerWork summer;

    ApiClient api;
    LeadersBrowser browser;
    BrowserSession session;
    SchoolClass class6A1;

    @BeforeAll
    void start() {
        api = new ApiClient(mvc);
        browser = new LeadersBrowser(port);
        session = BrowserSession.around((org.openqa.selenium.chrome.ChromeDriver) browser.driver, port);
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
        java.util.Set<String> subjectNames = new java.util.HashSet<>(jdbc.sql("select name from subject").query(String.class).list());
        assertThat(browser.driver.findElements(By.cssSelector("#behind tbody td:nth-child(3)"))).extracting(WebElement::getText)
                .as("subjects as people name them (Ngữ văn), not their codes (NGU_VAN)").isNotEmpty().allMatch(subjectNames::contains);
        // Session 30: on a phone the six-column table scrolled sideways and hid "Nhắc"; each line is now a card.
        session.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", 390, "height", 844,
                "deviceScaleFactor", 1, "mobile", true));
        try {
            Object widths = session.driver().executeScript("var t = document.querySelector('#behind');"
                    + "var b = t.querySelector('tbody tr button').getBoundingClientRect();"
                    + "return [t.scrollWidth, t.parentElement.clientWidth, Math.round(b.right)];");
            java.util.List<?> w = (java.util.List<?>) widths;
            assertThat(((Number) w.get(0)).intValue()).as("no sideways scrolling in the table").isLessThanOrEqualTo(((Number) w.get(1)).intValue());
            assertThat(((Number) w.get(2)).intValue()).as("Nhắc within the screen").isLessThanOrEqualTo(390);
        } finally {
            session.driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
        }
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

    @Test
    @Order(6)
    void thePrincipalSeesEachColumnAgainstItsDeadlineAndRemindsFromThatView() throws Exception {
        ApiClient.Reply dated = api.send("hieutruong", org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .put("/api/assessment-dates/2/MIDTERM").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"date\":\"2026-03-09\"}"));
        assertThat(dated.status()).as(dated.toString()).isEqualTo(200);
        SchoolClass class8A1 = classOf("8A1");
        long classId = class8A1.id().value();
        JsonNode toan = teachingOf(classId, "TOAN");
        long subjectId = toan.path("subject").path("id").asLong();
        String teacherName = toan.path("teacher").path("fullName").asText();
        long teacherId = jdbc.sql("select id from staff where code = ?").param(toan.path("teacher").path("code").asText())
                .query(Long.class).single();
        int enrolled = registry.enrolledCount(class8A1.id());

        session.logIn("hieutruong");
        session.open("/truong/tien-do?hk=2&khoi=8");
        assertThat(session.text("#deadline-rules")).contains("09/03/2026 (ngày kiểm tra giữa kì)")
                .contains("ĐĐGgk: 19/03/2026 (10 ngày sau kiểm tra giữa kì)").contains("ĐĐGck: 31/05/2026 (hết học kì)");
        var cards = browser.driver.findElements(By.cssSelector("#theo-cot article"));
        assertThat(cards).as("every grade-8 teaching assignment still missing marks in term II").isNotEmpty();
        java.util.List<Integer> overdue = cards.stream().map(a -> Integer.parseInt(a.getAttribute("data-overdue"))).toList();
        assertThat(overdue).as("who is behind comes first").isSortedAccordingTo(java.util.Comparator.reverseOrder());
        WebElement card = browser.driver.findElement(By.id("cot-" + teacherId + "-8A1-TOAN"));
        assertThat(card.findElement(By.cssSelector("h2")).getText()).isEqualTo(teacherName + " · 8A1 · Toán");
        var rows = card.findElements(By.cssSelector("tbody tr"));
        assertThat(count(classId, subjectId, "REGULAR", 1)).as("the demo enters regular column 1 of term II").isEqualTo(enrolled);
        assertThat(rows.get(0).getText()).as("regular column 1, first half, due on the mid-term test day")
                .isEqualTo("ĐĐGtx 1 " + enrolled + "/" + enrolled + " 09/03/2026 Đủ");
        WebElement midterm = rows.stream().filter(r -> r.getText().startsWith("ĐĐGgk")).findFirst().orElseThrow();
        assertThat(count(classId, subjectId, "MIDTERM", 1)).as("the demo has no mid-term marks in grade 8").isZero();
        assertThat(midterm.getText()).isEqualTo("ĐĐGgk 0/" + enrolled + " 19/03/2026 Quá hạn " + java.time.temporal.ChronoUnit.DAYS
                .between(java.time.LocalDate.of(2026, 3, 19), java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))) + " ngày");
        assertThat(midterm.getAttribute("class")).contains("late");
        long overdueRows = rows.stream().filter(r -> r.getAttribute("class").contains("late")).count();
        assertThat(card.getAttribute("data-overdue")).isEqualTo(String.valueOf(overdueRows));
        session.checkPage("truong-tien-do");

        long remindersBefore = jdbc.sql("select count(*) from audit_entry where action = 'ENTRY_REMINDER_SENT' and actor = 'hieutruong'")
                .query(Long.class).single();
        session.click(browser.driver.findElement(By.id("cot-" + teacherId + "-8A1-TOAN"))
                .findElement(By.cssSelector("form.remind button")));
        assertThat(session.path()).startsWith("/truong/tien-do?hk=2");
        assertThat(session.text("p.info")).isEqualTo("Đã nhắc " + teacherName + " (môn Toán, lớp 8A1).");
        String username = toan.path("teacher").path("code").asText().toLowerCase();
        String notice = jdbc.sql("select message from notification where recipient = ? and kind = 'ENTRY_REMINDER_MANUAL'")
                .param(username).query(String.class).single();
        assertThat(notice).startsWith("Hiệu trưởng nhắc: môn Toán lớp 8A1 học kì II còn thiếu điểm ở ")
                .contains("ĐĐGgk (0/" + enrolled + ", quá hạn 19/03/2026)")
                .contains("ĐĐGck (" + count(classId, subjectId, "FINAL", 1) + "/" + enrolled + ", quá hạn 31/05/2026)");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'ENTRY_REMINDER_SENT' and actor = 'hieutruong'")
                .query(Long.class).single()).isEqualTo(remindersBefore + 1);
        ApiClient.Reply notTeaching = api.send("hieutruong", org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/truong/nhac").param("teacherId", String.valueOf(teacherId)).param("classCode", "8A1")
                .param("subjectCode", "NGU_VAN").param("term", "2").with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf()));
        assertThat(notTeaching.status()).as("a teacher is reminded only of what they teach").isEqualTo(404);
    }

    @Test
    @Order(7)
    void thePrincipalSendsTheYearEndBackWithAReasonAndApprovesItOnceResubmitted() throws Exception {
        SchoolClass class7A1 = classOf("7A1");
        long classId = class7A1.id().value();
        String path = "/api/classes/" + classId + "/year-end";
        new YearCompletion(directory, registry, load, results).completeTermTwo(class7A1,
                (s, gs) -> s.numberInClass() == 1 && gs.subject().code().equals("TOAN"));
        String homeroom = homeroom(classId);
        assertThat(api.post(homeroom, path + "/start", "{}").status()).isEqualTo(201);
        assertThat(api.post(homeroom, path + "/proposal", "{\"note\":\"Đề nghị danh sách lớp 7A1\"}").status()).isEqualTo(200);

        ApiClient.Reply noReason = api.post("hieutruong", path + "/rejection", "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.detail()).isEqualTo("Cần ghi lí do không duyệt danh sách lên lớp, khen thưởng của lớp 7A1.");
        assertThat(api.post("hieutruong", path + "/rejection", "{\"reason\":\"   \"}").status()).isEqualTo(400);
        ApiClient.Reply byHomeroom = api.post(homeroom, path + "/rejection", "{\"reason\":\"Tự trả lại\"}");
        assertThat(byHomeroom.status()).isEqualTo(403);
        assertThat(api.post("phohieutruong", path + "/rejection", "{\"reason\":\"Không đồng ý\"}").status()).isEqualTo(403);
        assertThat(stages(classId)).as("nothing recorded by a refused rejection").containsExactly("PROPOSED:ACTIVE");
        assertThat(openSteps(classId)).containsExactly(YearEndModel.TASK_APPROVAL);

        String reason = "Học sinh số 1 chưa có minh chứng điểm kiểm tra môn Toán; đề nghị GVCN kiểm tra lại.";
        browser.logIn("hieutruong");
        browser.open("/duyet");
        WebElement card = browser.driver.findElement(By.id("cuoi-nam-" + classId));
        assertThat(card.getText()).contains("Danh sách lên lớp, khen thưởng · Lớp 7A1").contains("Kiểm tra, đánh giá lại");
        session.checkPage("duyet-cuoi-nam");
        card = browser.driver.findElement(By.id("cuoi-nam-" + classId));
        card.findElement(By.cssSelector("form.reject textarea")).sendKeys(reason);
        session.click(card.findElement(By.cssSelector("form.reject button")));
        assertThat(session.text("p.info")).isEqualTo("Đã trả danh sách lên lớp, khen thưởng của lớp 7A1 về GVCN kèm lí do.");
        assertThat(browser.driver.findElements(By.id("cuoi-nam-" + classId))).isEmpty();
        assertThat(jdbc.sql("select status || '|' || reopened_by || '|' || reopen_reason from year_end_decision where class_id = ? "
                + "and stage = 'PROPOSED'").param(classId).query(String.class).single()).isEqualTo("REOPENED|hieutruong|" + reason);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'YEAR_END_REJECTED' and actor = 'hieutruong' "
                + "and reason = ?").param(reason).query(Long.class).single()).isEqualTo(1);
        assertThat(openSteps(classId)).as("back to the homeroom teacher's proposal").containsExactly(YearEndModel.TASK_PROPOSAL);
        String notice = jdbc.sql("select message from notification where recipient = ? and kind = 'YEAR_END_REJECTED'")
                .param(homeroom).query(String.class).single();
        assertThat(notice).startsWith("Hiệu trưởng Lê Văn Triển không duyệt danh sách lên lớp, khen thưởng của lớp 7A1 lúc ")
                .contains("Lí do: " + reason);

        session.logIn(homeroom);
        session.open("/thong-bao");
        assertThat(session.text("main")).contains(reason);
        session.open("/lop/" + classId + "/cuoi-nam");
        assertThat(session.text("#returned")).startsWith("Hiệu trưởng Lê Văn Triển không duyệt danh sách lên lớp, khen thưởng lúc ")
                .endsWith("Lí do: " + reason);
        session.checkPage("gvcn-cuoi-nam-tra-lai");
        session.find("#note").sendKeys("Đã kiểm tra lại minh chứng điểm Toán của học sinh số 1.");
        session.click(session.find("#propose"));
        assertThat(session.text("main")).contains("Đã gửi đề nghị danh sách lên lớp và khen thưởng cho Hiệu trưởng.");
        assertThat(session.text("#stage")).isEqualTo("GVCN đã đề nghị, chờ Hiệu trưởng duyệt");

        browser.logIn("hieutruong");
        browser.open("/duyet");
        assertThat(browser.driver.findElement(By.id("cuoi-nam-" + classId)).getText()).contains("Lần trước không duyệt").contains(reason);
        session.click(browser.driver.findElement(By.id("cuoi-nam-" + classId)).findElement(By.cssSelector("form.approve button")));
        assertThat(session.text("p.info")).isEqualTo("Đã duyệt danh sách lên lớp, khen thưởng của lớp 7A1.");
        assertThat(openSteps(classId)).as("a retest in Toán: the summer results come next").containsExactly(YearEndModel.TASK_SUMMER_RESULTS);

        enterSummerWork(class7A1);
        assertThat(api.post(homeroom, path + "/summer-results", "{}").status()).isEqualTo(200);
        String finalReason = "Điểm kiểm tra lại môn Toán chưa khớp biên bản chấm.";
        browser.open("/duyet");
        card = browser.driver.findElement(By.id("sau-he-" + classId));
        card.findElement(By.cssSelector("form.reject textarea")).sendKeys(finalReason);
        session.click(card.findElement(By.cssSelector("form.reject button")));
        assertThat(session.text("p.info")).isEqualTo("Đã trả kết quả sau đánh giá lại của lớp 7A1 về GVCN kèm lí do.");
        assertThat(openSteps(classId)).containsExactly(YearEndModel.TASK_SUMMER_RESULTS);
        assertThat(api.post("hieutruong", path + "/final-approval", "{}").status()).as("nothing to approve until resubmitted")
                .isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from notification where recipient = ? and kind = 'YEAR_END_REJECTED' and message like ?")
                .params(homeroom, "%" + finalReason + "%").query(Long.class).single()).isEqualTo(1);

        assertThat(api.post(homeroom, path + "/summer-results", "{}").status()).isEqualTo(200);
        browser.open("/duyet");
        session.click(browser.driver.findElement(By.id("sau-he-" + classId)).findElement(By.cssSelector("form.approve button")));
        assertThat(session.text("p.info")).isEqualTo("Đã duyệt kết quả sau đánh giá lại của lớp 7A1.");
        assertThat(stages(classId)).containsExactly("PROPOSED:REOPENED", "PROPOSED:ACTIVE", "APPROVED:ACTIVE", "SUMMER:REOPENED",
                "SUMMER:ACTIVE", "FINAL:ACTIVE");
        assertThat(jdbc.sql("select decided_by from year_end_decision where class_id = ? and stage = 'FINAL'").param(classId)
                .query(String.class).single()).isEqualTo("hieutruong");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey("year-end-" + classId).count()).as("process ended").isZero();
    }

    @Test
    @Order(8)
    void theDashboardMakesAsManyQueriesForMoreClasses() {
        String page = api.page("hieutruong", "/truong");
        assertThat(page).contains("Tổng quan năm học");
        long before = statementsOfDashboard();
        SchoolClass source = classOf("9A1");
        for (int i = 1; i <= 4; i++) {
            long id = jdbc.sql("insert into school_class (school_year_id, code, grade) values (?, ?, 9) returning id")
                    .params(source.yearId().value(), "9T" + i).query(Long.class).single();
            jdbc.sql("insert into teaching_assignment (class_id, subject_id, staff_id, first_column, last_column) "
                    + "select ?, subject_id, staff_id, first_column, last_column from teaching_assignment where class_id = ?")
                    .params(id, source.id().value()).update();
        }
        String more = api.page("hieutruong", "/truong");
        assertThat(more).contains("lop-9T4");
        long after = statementsOfDashboard();
        System.out.printf("GET /truong: %d SQL statements with %d classes, %d with %d classes%n", before,
                directory.classes(source.yearId()).size() - 4, after, directory.classes(source.yearId()).size());
        assertThat(after).as("statements of GET /truong with 4 more classes (%d before)", before).isEqualTo(before);
    }

    /**
     * Session 29 (guide28 finding 5): /truong/tien-do says the test dates are recorded on Duyệt; the principal types
     * them there as dd/MM/yyyy. A refused date keeps what was typed with the reason beside it (which field, what is
     * wrong), the others are saved through the same service as the API (audited); the vice principal only reads.
     */
    @Test
    @Order(9)
    void thePrincipalRecordsTheTestDatesOnTheApprovalPage() throws Exception {
        session.logIn("hieutruong");
        session.open("/duyet");
        assertThat(session.find("#hk2-midterm").getAttribute("value")).as("recorded through the API in order 6, shown dd/MM/yyyy")
                .isEqualTo("09/03/2026");
        type("hk1-midterm", "3/11/2025");
        type("hk1-final", "31/02/2026");
        type("hk2-final", "01/10/2025");
        session.click(session.find("#save-test-dates"));
        assertThat(session.text("#dates-saved")).isEqualTo("Đã ghi ngày kiểm tra: Giữa kì học kì I 03/11/2025.");
        assertThat(session.text("#dates-error")).contains("Chưa ghi được 2 ngày");
        assertThat(session.find("#hk1-final").getAttribute("value")).as("kept as typed").isEqualTo("31/02/2026");
        assertThat(session.find("#hk1-final").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(session.text("#hk1-final-error")).isEqualTo("Cuối kì học kì I: «31/02/2026» không phải ngày có thật; "
                + "gõ ngày theo dạng ngày/tháng/năm, ví dụ 09/03/2026.");
        assertThat(session.find("#hk2-final").getAttribute("value")).isEqualTo("01/10/2025");
        assertThat(session.text("#hk2-final-error")).isEqualTo("Cuối kì học kì II: Ngày kiểm tra 01/10/2025 không thuộc "
                + "học kì II (19/01/2026 – 31/05/2026).");
        assertThat(session.find("#hk1-midterm").getAttribute("value")).isEqualTo("03/11/2025");
        assertThat(testDates()).containsExactly("1:MIDTERM:2025-11-03", "2:MIDTERM:2026-03-09");
        session.checkPage("duyet-ngay-kiem-tra-loi");

        type("hk1-final", "12/01/2026");
        type("hk2-final", "20-05-2026");
        session.click(session.find("#save-test-dates"));
        assertThat(session.text("#hk2-final-error")).isEqualTo("Cuối kì học kì II: «20-05-2026» không đúng dạng "
                + "ngày/tháng/năm (dd/MM/yyyy), ví dụ 09/03/2026.");
        type("hk2-final", "20/05/2026");
        session.click(session.find("#save-test-dates"));
        assertThat(session.text("#dates-saved")).isEqualTo("Đã ghi ngày kiểm tra: Cuối kì học kì II 20/05/2026.");
        assertThat(session.driver().findElements(By.id("dates-error"))).isEmpty();
        assertThat(testDates()).containsExactly("1:FINAL:2026-01-12", "1:MIDTERM:2025-11-03", "2:FINAL:2026-05-20",
                "2:MIDTERM:2026-03-09");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'ASSESSMENT_DATE_SET' and actor = 'hieutruong' "
                + "and target like '%/HK1/FINAL'").query(Long.class).single()).isEqualTo(1);

        session.logIn("phohieutruong");
        session.open("/duyet");
        assertThat(session.driver().findElements(By.id("test-dates"))).as("the vice principal only reads").isEmpty();
        assertThat(session.text("#ngay-kiem-tra")).contains("Cuối kì học kì II: 20/05/2026").contains("Chỉ Hiệu trưởng ghi");
        assertThat(postTestDate("phohieutruong", "13/01/2026")).isEqualTo(403);
        assertThat(testDates()).contains("1:FINAL:2026-01-12");
        assertThat(postTestDate("hieutruong", "13/01/2026")).as("the same request by the principal").isEqualTo(302);
        assertThat(testDates()).contains("1:FINAL:2026-01-13");
    }

    /**
     * Session 30 (walk28): a recorded test date could not be removed. Emptying its field removes it through
     * {@code AssessmentCalendar.remove}, as {@code DELETE /api/assessment-dates/{term}/{kind}} does (principal only,
     * audited); refused once a gradebook of the term is locked (6A1's term I, order 1: the correction deadlines of
     * its locked marks count from the date), and then the field shows the date still recorded with the reason.
     */
    @Test
    @Order(10)
    void thePrincipalRemovesATestDateByEmptyingItsFieldUnlessTheTermIsLocked() throws Exception {
        assertThat(testDates()).as("a field the order 9 POST did not send was left alone").containsExactly(
                "1:FINAL:2026-01-13", "1:MIDTERM:2025-11-03", "2:FINAL:2026-05-20", "2:MIDTERM:2026-03-09");
        assertThat(jdbc.sql("select count(*) from gradebook_lock where term = 2 and unlocked_at is null").query(Long.class)
                .single()).as("term II is not locked anywhere").isZero();
        session.logIn("hieutruong");
        session.open("/duyet");
        assertThat(session.text("#test-dates")).contains("xoá trống ô đó rồi bấm «Lưu ngày kiểm tra»");
        type("hk2-final", "");
        type("hk1-midterm", "");
        session.click(session.find("#save-test-dates"));
        assertThat(session.text("#dates-saved")).isEqualTo("Đã xoá ngày kiểm tra: Cuối kì học kì II (20/05/2026).");
        assertThat(session.find("#hk2-final").getAttribute("value")).isEmpty();
        assertThat(session.find("#hk1-midterm").getAttribute("value")).as("the date still recorded").isEqualTo("03/11/2025");
        assertThat(session.find("#hk1-midterm").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(session.text("#hk1-midterm-error")).isEqualTo("Giữa kì học kì I: Không xoá được ngày kiểm tra giữa kì "
                + "học kì I (03/11/2025): sổ điểm lớp 6A1 học kì I đã khoá và hạn đề nghị sửa điểm của các điểm đã khoá tính "
                + "từ ngày này. Nếu ngày đã ghi sai, hãy gõ ngày đúng để dời ngày kiểm tra.");
        session.checkPage("duyet-ngay-kiem-tra-xoa");
        assertThat(testDates()).containsExactly("1:FINAL:2026-01-13", "1:MIDTERM:2025-11-03", "2:MIDTERM:2026-03-09");
        assertThat(jdbc.sql("select old_value from audit_entry where action = 'ASSESSMENT_DATE_REMOVED' and actor = 'hieutruong' "
                + "and target like '%/HK2/FINAL'").query(String.class).list()).containsExactly("2026-05-20");

        assertThat(deleteTestDate("phohieutruong", "2/MIDTERM").status()).as("the vice principal only reads").isEqualTo(403);
        assertThat(deleteTestDate("hieutruong", "2/MIDTERM").status()).isEqualTo(204);
        ApiClient.Reply again = deleteTestDate("hieutruong", "2/MIDTERM");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.detail()).isEqualTo("Chưa ghi ngày kiểm tra giữa kì học kì II nên không có ngày nào để xoá.");
        assertThat(deleteTestDate("hieutruong", "1/FINAL").status()).as("term I is locked in 6A1").isEqualTo(409);
        assertThat(testDates()).containsExactly("1:FINAL:2026-01-13", "1:MIDTERM:2025-11-03");
    }

    private ApiClient.Reply deleteTestDate(String user, String termAndKind) {
        return api.send(user, org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .delete("/api/assessment-dates/" + termAndKind));
    }

    /** The form's POST with a bearer token (no browser session), as {@code user}: its status. */
    private int postTestDate(String user, String finalOfTermOne) throws Exception {
        String token = api.send(null, org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/auth/token")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + user + "\",\"password\":\"HocBa@2025\"}")).body().path("token").asText();
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/duyet/ngay-kiem-tra")
                .header("Authorization", "Bearer " + token).param("hk1-final", finalOfTermOne)).andReturn().getResponse().getStatus();
    }

    private void type(String field, String value) {
        WebElement input = session.find("#" + field);
        input.clear();
        input.sendKeys(value);
    }

    private java.util.List<String> testDates() {
        return jdbc.sql("select term || ':' || kind || ':' || test_date from assessment_date order by term, kind")
                .query(String.class).list();
    }

    private long statementsOfDashboard() {
        SqlStatementCounter.start();
        api.page("hieutruong", "/truong");
        return SqlStatementCounter.stop();
    }

    private SchoolClass classOf(String code) {
        return directory.classByCode(class6A1.yearId(), code).orElseThrow();
    }

    private long count(long classId, long subjectId, String kind, int column) {
        return jdbc.sql("select count(*) from mark where class_id = ? and subject_id = ? and term = 2 and kind = ? and column_no = ?")
                .params(classId, subjectId, kind, column).query(Long.class).single();
    }

    private java.util.List<String> stages(long classId) {
        return jdbc.sql("select stage || ':' || status from year_end_decision where class_id = ? order by id").param(classId)
                .query(String.class).list();
    }

    private java.util.List<String> openSteps(long classId) {
        return taskService.createTaskQuery().processInstanceBusinessKey("year-end-" + classId).list().stream()
                .map(t -> t.getTaskDefinitionKey()).toList();
    }

    /** Every retest passed (8,0 or Đ) and every summer-trained student re-rated Đ, as the teachers would enter them. */
    private void enterSummerWork(SchoolClass schoolClass) {
        Actor principal = new Actor("hieutruong", "PRINCIPAL", "test");
        java.util.Map<String, Long> ids = new java.util.HashMap<>();
        registry.roster(schoolClass.id()).forEach(e -> ids.put(e.student().profile().code(), e.student().id().value()));
        java.util.List<String> training = results.compute(schoolClass).students().stream()
                .filter(s -> s.promotion() == Promotion.SUMMER_TRAINING_PENDING).map(s -> s.code().value()).toList();
        load.conduct(training.stream().map(code -> new ConductEntry(schoolClass.id(), new StudentId(ids.get(code)), 3, "Đ", null))
                .toList(), "test");
        results.recompute(schoolClass);
        java.util.List<SummerWork.PendingRetest> retests = summer.retests(schoolClass);
        assertThat(retests).as("student 1 retests Toán").isNotEmpty();
        for (SummerWork.PendingRetest r : retests) {
            boolean comment = directory.gradeSubjects(schoolClass.yearId(), schoolClass.grade()).stream()
                    .anyMatch(g -> g.subject().id().equals(r.subjectId()) && g.subject().assessment() == vn.hocba.schoolyear.AssessedBy.COMMENT);
            yearEnd.retest(schoolClass, r.subjectId(), ids.get(r.studentCode()), comment ? "Đ" : "8.0", principal);
        }
        results.recompute(schoolClass);
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
