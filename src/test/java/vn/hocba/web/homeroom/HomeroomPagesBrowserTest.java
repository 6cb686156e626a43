package vn.hocba.web.homeroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import java.math.BigDecimal;
import vn.hocba.documents.YearCompletion;
import vn.hocba.gradebook.ClassResultsStore;
import vn.hocba.gradebook.interchange.GradebookBulkLoad;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.students.EnrolledStudent;
import vn.hocba.students.StudentRegistry;
import vn.hocba.support.ApiClient;
import vn.hocba.support.TemporaryDataDirectory;
import vn.hocba.web.BrowserSession;

/**
 * The homeroom teacher of 7A1 (gv07) in a real browser: confirms a month of attendance, rates
 * conduct, applies a comment template to several students, sends a subject back and signs off the
 * term. Each journey checks what was stored through the API or the database; every page is checked
 * by axe-core and photographed at 1280 and 390 px (docs/screens/gvcn-*.png).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HomeroomPagesBrowserTest {

    private static Path dataDir;

    @DynamicPropertySource
    static void freshDataDirectory(DynamicPropertyRegistry registry) {
        dataDir = TemporaryDataDirectory.register(registry, "hocba-homeroom-pages");
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
    StudentRegistry registry;
    @Autowired
    GradebookBulkLoad load;
    @Autowired
    ClassResultsStore results;
    BrowserSession browser;
    ApiClient api;
    long classId;

    @BeforeAll
    void start() {
        browser = BrowserSession.start(port);
        api = new ApiClient(mvc);
        classId = jdbc.sql("select id from school_class where code = '7A1' order by id limit 1").query(Long.class).single();
    }

    @AfterAll
    void stop() {
        browser.close();
        TemporaryDataDirectory.delete(dataDir);
    }

    @Test
    @Order(1)
    void theHomeroomTeacherRecordsAnAbsenceAndConfirmsTheMonth() {
        browser.logIn("gv07");
        browser.open(page("/diem-danh/2026-02"));
        assertThat(text(By.id("status-text"))).startsWith("Quá hạn");
        Select student = new Select(browser.driver().findElement(By.id("absence-student")));
        student.selectByIndex(2);
        long studentId = Long.parseLong(student.getFirstSelectedOption().getAttribute("value"));
        browser.driver().findElement(By.id("absence-day")).sendKeys("10");
        new Select(browser.driver().findElement(By.id("absence-kind"))).selectByValue("K");
        submit(By.cssSelector("#absence-form button[type=submit]"));
        assertThat(text(By.cssSelector("p.info"))).contains("ngày 10/02/2026").contains("nghỉ không phép (K)");
        assertThat(browser.path()).as("the form at the top comes back to the top").doesNotContain("#");
        List<WebElement> days = browser.driver().findElements(By.cssSelector("tr[data-student='" + studentId + "'] td.day"));
        assertThat(days.get(9).getText()).isEqualTo("K");
        assertThat(jdbc.sql("select excused from absence where student_id = ? and absent_on = date '2026-02-10'")
                .param(studentId).query(Boolean.class).single()).isFalse();

        // Clicking a day cell cycles it: blank → P → K → blank, each stored at once.
        long other = Long.parseLong(browser.driver().findElements(By.cssSelector("#attendance tbody tr")).get(0).getAttribute("data-student"));
        By day9 = By.cssSelector("tr[data-student='" + other + "'] button.day-cycle[data-day='9']");
        submit(day9);
        assertThat(text(day9)).isEqualTo("P");
        assertThat(browser.path()).as("back at the cell just changed, not at the top of the page").endsWith("#ngay-" + other + "-9");
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("ngay-" + other + "-9");
        assertThat(excused(other, "2026-02-09")).containsExactly(true);
        submit(day9);
        assertThat(text(day9)).isEqualTo("K");
        assertThat(excused(other, "2026-02-09")).containsExactly(false);
        submit(day9);
        assertThat(text(day9)).isEmpty();
        assertThat(excused(other, "2026-02-09")).isEmpty();
        browser.checkPage("gvcn-diem-danh");
        submit(By.id("confirm-month"));
        assertThat(text(By.id("status-text"))).startsWith("Đã xác nhận lúc").contains(" bởi " + person("gv07") + ",");
        JsonNode february = month(api.get("gv07", "/api/classes/" + classId + "/attendance-months?term=2").body(), "2026-02");
        assertThat(february.path("confirmedBy").asText()).isEqualTo("gv07");
        assertThat(february.path("late").asBoolean()).isTrue();
        assertThat(browser.driver().findElements(By.id("confirm-month"))).isEmpty();
    }

    @Test
    @Order(2)
    void theHomeroomTeacherRatesConductAndKeepsWhatWasTypedWhenARowIsRefused() {
        browser.logIn("gv07");
        browser.open(page("/ren-luyen/hoc-ki/2"));
        assertThat(text(By.tagName("h1"))).startsWith("Rèn luyện học kì II · lớp ");
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#conduct tbody tr"));
        long first = Long.parseLong(rows.get(0).getAttribute("data-student"));
        long second = Long.parseLong(rows.get(1).getAttribute("data-student"));
        long third = Long.parseLong(rows.get(2).getAttribute("data-student"));
        new Select(browser.driver().findElement(By.name("level_" + first))).selectByValue("K");
        browser.driver().findElement(By.name("comment_" + first)).sendKeys("Cần mạnh dạn phát biểu hơn.");
        new Select(browser.driver().findElement(By.name("level_" + second))).selectByValue("T");
        submit(By.id("save-conduct"));
        assertThat(text(By.cssSelector("p.info"))).isEqualTo("Đã lưu 2 xếp loại rèn luyện.");
        assertThat(conduct(first)).isEqualTo("K|Cần mạnh dạn phát biểu hơn.");
        assertThat(conduct(second)).isEqualTo("T|null");

        // Clearing a stored rating is refused with the student's name; the comment typed next to it stays in the field.
        new Select(browser.driver().findElement(By.name("level_" + first))).selectByValue("");
        browser.driver().findElement(By.name("comment_" + first)).clear();
        browser.driver().findElement(By.name("comment_" + first)).sendKeys("Đã tiến bộ.");
        submit(By.id("save-conduct"));
        String studentName = text(By.id("name-" + first));
        assertThat(text(By.cssSelector("tr.refused .cell-error"))).contains(studentName).contains("chưa chọn mức");
        assertThat(browser.driver().findElement(By.name("comment_" + first)).getAttribute("value")).isEqualTo("Đã tiến bộ.");
        assertThat(browser.driver().findElements(By.cssSelector(".kept-text")))
                .as("a refused save shows what was typed itself: no note about an ended session").isEmpty();
        assertThat(conduct(first)).isEqualTo("K|Cần mạnh dạn phát biểu hơn.");
        // The level's name says what it is, not only whose it is
        assertThat(browser.driver().findElement(By.name("level_" + first)).getAccessibleName()).isEqualTo("Mức " + studentName);

        // A comment for a student without any rating: a level is asked for, no "stored rating" is spoken of
        new Select(browser.driver().findElement(By.name("level_" + first))).selectByValue("K");
        browser.driver().findElement(By.name("comment_" + third)).sendKeys("Hăng hái tham gia phong trào.");
        submit(By.id("save-conduct"));
        assertThat(text(By.cssSelector("tr.refused .cell-error"))).contains(text(By.id("name-" + third)))
                .contains("nhận xét chỉ được lưu cùng một mức").doesNotContain("đã lưu");
        assertThat(browser.driver().findElement(By.name("comment_" + third)).getAttribute("value")).isEqualTo("Hăng hái tham gia phong trào.");
        browser.checkPage("gvcn-ren-luyen");

        // Typed, then the session ended (expired on the server) before "Lưu": after the login the page shows
        // the comment and the level again (ui.md "nothing typed is lost"), and they are saved with the next click.
        browser.open(page("/ren-luyen/hoc-ki/2"));
        new Select(browser.driver().findElement(By.name("level_" + third))).selectByValue("Đ");
        browser.driver().findElement(By.name("comment_" + third)).clear();
        browser.driver().findElement(By.name("comment_" + third)).sendKeys("Lễ phép, cần ký sổ đầu bài đúng giờ.");
        // the session ended on the server (a logout would also revoke this class's API tokens of gv07)
        browser.driver().manage().deleteCookieNamed("JSESSIONID");
        browser.driver().manage().addCookie(new org.openqa.selenium.Cookie("JSESSIONID", "0123456789ABCDEF0123456789ABCDEF", "/"));
        submit(By.id("save-conduct"));
        assertThat(browser.path()).isEqualTo("/login?expired");
        browser.submitLogin("gv07", BrowserSession.DEMO_PASSWORD);
        assertThat(browser.path()).isEqualTo(page("/ren-luyen/hoc-ki/2"));
        assertThat(new Select(browser.driver().findElement(By.name("level_" + third))).getFirstSelectedOption()
                .getAttribute("value")).isEqualTo("Đ");
        assertThat(browser.driver().findElement(By.name("comment_" + third)).getAttribute("value"))
                .isEqualTo("Lễ phép, cần ký sổ đầu bài đúng giờ.");
        assertThat(text(By.cssSelector(".kept-text"))).startsWith("Đã khôi phục nội dung bạn gõ trước khi phiên hết hạn")
                .endsWith("«Lưu xếp loại rèn luyện».");
        submit(By.id("save-conduct"));
        assertThat(conduct(third)).isEqualTo("Đ|Lễ phép, cần ký sổ đầu bài đúng giờ.");
        assertThat(browser.driver().findElements(By.cssSelector(".kept-text"))).isEmpty();
    }

    @Test
    @Order(3)
    void theHomeroomTeacherAppliesACommentTemplateToThreeStudents() {
        browser.logIn("gv07");
        browser.open(page("/nhan-xet-chu-nhiem/hoc-ki/1"));
        List<WebElement> picks = browser.driver().findElements(By.cssSelector("input.pick"));
        List<Long> chosen = new ArrayList<>();
        for (WebElement pick : picks.subList(0, 3)) {
            pick.click();
            chosen.add(Long.parseLong(pick.getAttribute("id").substring("pick-".length())));
        }
        WebElement template = browser.driver().findElement(By.cssSelector("#bank li[data-level='TOT'] button.apply"));
        String expected = template.getAttribute("data-text");
        template.click();
        for (long id : chosen) {
            assertThat(browser.driver().findElement(By.id("text-" + id)).getAttribute("value")).isEqualTo(expected);
        }
        assertThat(text(By.id("count-" + chosen.get(0))))
                .isEqualTo(expected.codePointCount(0, expected.length()) + "/1000 ký tự");
        long untouched = Long.parseLong(picks.get(3).getAttribute("id").substring("pick-".length()));
        assertThat(browser.driver().findElement(By.id("text-" + untouched)).getAttribute("value")).isEmpty();
        browser.checkPage("gvcn-nhan-xet");
        submit(By.id("save-comments"));
        assertThat(text(By.cssSelector("p.info"))).isEqualTo("Đã lưu nhận xét của 3 học sinh (học kì I).");

        JsonNode stored = api.get("gv07", "/api/classes/" + classId + "/homeroom-comments/HK1").body();
        for (long id : chosen) {
            assertThat(comment(stored, id)).isEqualTo(expected);
        }
        assertThat(comment(stored, untouched)).isNull();
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'HOMEROOM_COMMENT_WRITTEN' or action = 'HOMEROOM_COMMENT_CHANGED'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(3);
    }

    @Test
    @Order(4)
    void theHomeroomTeacherSendsASubjectBackThenSignsOffTheTerm() {
        assertThat(api.post("hieutruong", "/api/classes/" + classId + "/terms/1/close", "{}").status()).isEqualTo(201);
        runJobs();
        List<JsonNode> teaching = new ArrayList<>();
        api.get("hieutruong", "/api/classes/" + classId).body().path("teaching").forEach(teaching::add);
        JsonNode own = teaching.stream().filter(t -> t.path("teacher").path("code").asText().equalsIgnoreCase("gv07"))
                .findFirst().orElseThrow();
        for (JsonNode t : teaching) {
            if (t != own) {
                assertThat(signSubject(t).status()).as(t.toString()).isEqualTo(200);
            }
        }
        signOwnSubjectOnThePage(own.path("subject").path("id").asLong());
        JsonNode toan = teaching.stream().filter(t -> t.path("subject").path("code").asText().equals("TOAN")).findFirst().orElseThrow();
        long toanId = toan.path("subject").path("id").asLong();

        browser.logIn("gv07");
        browser.open(page("/kiem-tra/hoc-ki/1"));
        assertThat(text(By.tagName("h1"))).startsWith("Kiểm tra và ký xác nhận · học kì I · lớp ");
        assertThat(browser.driver().findElements(By.id("check-waiting"))).hasSize(1);
        browser.checkPage("gvcn-kiem-tra");
        String reason = "Điểm giữa kì của hai học sinh chưa khớp với bài kiểm tra.";
        browser.driver().findElement(By.cssSelector("tr[data-subject='" + toanId + "'] input[name=reason]")).sendKeys(reason);
        submit(By.cssSelector("tr[data-subject='" + toanId + "'] form.send-back button"));
        assertThat(text(By.cssSelector("p.info"))).contains(reason);
        assertThat(text(By.cssSelector("tr[data-subject='" + toanId + "']"))).contains("Đã trả lại: " + reason);

        JsonNode signOffs = api.get("gv07", "/api/classes/" + classId + "/terms/1/sign-offs").body();
        assertThat(signOffs.findParents("reopenReason").stream().filter(s -> s.path("subjectId").asLong() == toanId)
                .map(s -> s.path("reopenReason").asText()).toList()).contains(reason);
        String toanTeacher = toan.path("teacher").path("code").asText().toLowerCase();
        assertThat(api.get(toanTeacher, "/api/tasks").body().findValuesAsText("action")).contains("GVBM sửa và ký lại môn bị trả");
        theSubjectTeacherReadsWhyTheSubjectCameBack(toanTeacher, toanId, reason);
        assertThat(signSubject(toan).status()).isEqualTo(200);
        theCoTeachersOfASubjectSentBackEachSignAgain(teaching);

        browser.logIn("gv07");
        browser.open(page("/kiem-tra/hoc-ki/1"));
        submit(By.id("confirm-check"));
        assertThat(browser.driver().findElements(By.id("sign-waiting"))).hasSize(1);
        submit(By.id("sign-class"));
        theHomeroomTeacherReadsWhyTheTermWasNotApprovedAndSignsAgain();
        String shown = text(By.id("class-sha"));
        JsonNode homeroom = api.get("gv07", "/api/classes/" + classId + "/terms/1/sign-offs").body().findParents("kind").stream()
                .filter(s -> s.path("kind").asText().equals("HOMEROOM") && s.path("active").asBoolean()).findFirst().orElseThrow();
        assertThat(homeroom.path("signedBy").asText()).isEqualTo("gv07");
        assertThat(homeroom.path("contentSha256").asText()).isEqualTo(shown).hasSize(64);
        assertThat(api.get("hieutruong", "/api/tasks").body().findValuesAsText("action")).contains("Hiệu trưởng phê duyệt");
        assertThat(browser.driver().findElements(By.id("approval-waiting"))).hasSize(1);
        assertThat(text(By.id("class-signed-by"))).isEqualTo(person("gv07"));
        String toanSigner = api.get("gv07", "/api/classes/" + classId + "/terms/1/sign-offs").body().findParents("subjectId").stream()
                .filter(s -> s.path("subjectId").asLong() == toanId && s.path("active").asBoolean(true)).findFirst().orElseThrow()
                .path("signedBy").asText();
        assertThat(text(By.cssSelector("tr[data-subject='" + toanId + "']"))).contains("Đã ký: " + person(toanSigner));
        assertThat(browser.driver().findElements(By.cssSelector("#history li")).stream().map(WebElement::getText))
                .anyMatch(h -> h.contains(" · GVCN ký xác nhận lớp · " + person("gv07") + " · SHA-256 "));
        browser.checkPage("gvcn-kiem-tra-da-ki");
    }

    /**
     * Session 29 (guide28 finding 3): the Toán teacher sees who sent the subject back, when and why — on the task
     * in Việc cần làm, on the entry grid the task's button opens, on the sign-off page and in Thông báo.
     */
    private void theSubjectTeacherReadsWhyTheSubjectCameBack(String teacher, long toanId, String reason) {
        String who = "GVCN " + displayName("gv07") + " trả lại môn này lúc ";
        browser.logIn(teacher);
        browser.open("/viec-can-lam");
        WebElement task = browser.driver().findElements(By.cssSelector("#tasks li.task")).stream()
                .filter(t -> "Task_SubjectRework".equals(t.getAttribute("data-step"))).findFirst()
                .orElseThrow(() -> new AssertionError("no rework task on " + text(By.tagName("main"))));
        assertThat(task.findElement(By.cssSelector(".returned")).getText()).startsWith(who).endsWith("Lí do: " + reason)
                .containsPattern("\\d{2}:\\d{2} \\d{2}/\\d{2}/\\d{4}");
        assertThat(text(By.id("notifications"))).contains("Lớp 7A1, môn Toán, học kì I: " + who).contains(reason);
        browser.checkPage("gvbm-mon-bi-tra-lai");
        browser.click(task.findElement(By.cssSelector("a.task-open")));
        assertThat(browser.path()).isEqualTo("/lop/" + classId + "/mon/" + toanId + "/hoc-ki/1/diem");
        assertThat(text(By.id("returned"))).startsWith(who).endsWith("Lí do: " + reason);
        browser.checkPage("gvbm-nhap-diem-bi-tra-lai");
        browser.open("/lop/" + classId + "/mon/" + toanId + "/hoc-ki/1/ki-xac-nhan");
        assertThat(text(By.id("returned"))).startsWith(who).endsWith("Lí do: " + reason);
        assertThat(browser.driver().findElement(By.id("sign")).isEnabled()).as("signed again from here").isTrue();
        browser.checkPage("gvbm-ki-xac-nhan-bi-tra-lai");
        browser.open("/thong-bao");
        assertThat(text(By.tagName("main"))).contains(reason);
    }

    /**
     * Session 30: Lịch sử và Địa lí of 7A1 has two co-teachers (history gv10, columns 1–2; geography gv12, 3–4). gv07
     * sends it back on the check page; only gv10 signs again: the page says the subject still waits for gv12 and offers
     * no check; gv12 finds the returned subject with the reason in Việc cần làm, opens it and signs again from the
     * sign-off page, and the class is back at the homeroom check.
     */
    private void theCoTeachersOfASubjectSentBackEachSignAgain(List<JsonNode> teaching) {
        List<JsonNode> lsdl = teaching.stream().filter(t -> t.path("subject").path("code").asText().equals("LS_DL")).toList();
        JsonNode history = lsdl.stream().filter(t -> t.path("teacher").path("code").asText().equalsIgnoreCase("gv10"))
                .findFirst().orElseThrow(() -> new AssertionError("gv10 does not teach history in 7A1: " + lsdl));
        long lsdlId = history.path("subject").path("id").asLong();
        String row = "tr[data-subject='" + lsdlId + "']";
        browser.logIn("gv07");
        browser.open(page("/kiem-tra/hoc-ki/1"));
        String reason = "Cột 3 (Địa lí) của hai học sinh chưa khớp với bài kiểm tra.";
        browser.driver().findElement(By.cssSelector(row + " input[name=reason]")).sendKeys(reason);
        submit(By.cssSelector(row + " form.send-back button"));
        assertThat(signSubject(history).status()).isEqualTo(200);
        browser.open(page("/kiem-tra/hoc-ki/1"));
        assertThat(text(By.cssSelector(row))).contains("Đã ký: " + person("gv10") + " · còn chờ ký: " + person("gv12"));
        assertThat(browser.driver().findElements(By.id("confirm-check"))).as("the class waits for gv12").isEmpty();
        browser.checkPage("gvcn-kiem-tra-cho-dong-giao-vien");

        browser.logIn("gv12");
        browser.open("/viec-can-lam");
        WebElement task = browser.driver().findElements(By.cssSelector("#tasks li.task")).stream()
                .filter(t -> "Task_SubjectRework".equals(t.getAttribute("data-step")) && t.getText().contains("Lịch sử và Địa lí"))
                .findFirst().orElseThrow(() -> new AssertionError("no returned subject for gv12 on " + text(By.tagName("main"))));
        assertThat(task.findElement(By.cssSelector(".returned")).getText()).endsWith("Lí do: " + reason);
        browser.click(task.findElement(By.cssSelector("a.task-open")));
        assertThat(browser.path()).isEqualTo("/lop/" + classId + "/mon/" + lsdlId + "/hoc-ki/1/diem");
        browser.open("/lop/" + classId + "/mon/" + lsdlId + "/hoc-ki/1/ki-xac-nhan");
        assertThat(text(By.id("returned"))).endsWith("Lí do: " + reason);
        submit(By.id("sign"));
        assertThat(text(By.id("info"))).isEqualTo("Đã ký xác nhận điểm môn.");
        assertThat(text(By.id("signed-by"))).as("the page shows gv12's own sign-off").isEqualTo(person("gv12"));
        assertThat(api.get("gv07", "/api/classes/" + classId + "/terms/1/sign-offs").body().findParents("subjectId").stream()
                .filter(s -> s.path("subjectId").asLong() == lsdlId && s.path("active").asBoolean())
                .map(s -> s.path("signedBy").asText()).toList()).containsExactlyInAnyOrder("gv10", "gv12");
    }

    /**
     * Session 29 (guide28 finding 4): the principal does not approve; gv07 sees it in Thông báo, on the returned
     * task and on the check page (who, when, why) until the class is signed again.
     */
    private void theHomeroomTeacherReadsWhyTheTermWasNotApprovedAndSignsAgain() {
        String why = "Thiếu nhận xét của giáo viên chủ nhiệm cho ba học sinh.";
        assertThat(api.post("hieutruong", "/api/classes/" + classId + "/terms/1/rejection", "{\"reason\":\"" + why + "\"}")
                .status()).isEqualTo(200);
        String who = "Hiệu trưởng " + displayName("hieutruong") + " không duyệt kết quả học kì I lúc ";
        browser.open("/viec-can-lam");
        WebElement task = browser.driver().findElements(By.cssSelector("#tasks li.task")).stream()
                .filter(t -> "Task_HomeroomCheck".equals(t.getAttribute("data-step"))).findFirst()
                .orElseThrow(() -> new AssertionError("no check task on " + text(By.tagName("main"))));
        assertThat(task.findElement(By.cssSelector(".returned")).getText()).startsWith(who).endsWith("Lí do: " + why);
        assertThat(text(By.id("notifications"))).contains("Lớp 7A1: " + who).contains(why);
        browser.checkPage("gvcn-khong-duyet-viec-can-lam");
        browser.click(task.findElement(By.cssSelector("a.task-open")));
        assertThat(browser.path()).isEqualTo(page("/kiem-tra/hoc-ki/1"));
        assertThat(text(By.id("rejected"))).contains(who).contains("Lí do: " + why);
        browser.checkPage("gvcn-kiem-tra-khong-duyet");
        submit(By.id("confirm-check"));
        assertThat(text(By.id("rejected"))).as("until the class is sent again").contains(why);
        submit(By.id("sign-class"));
        assertThat(browser.driver().findElements(By.id("rejected"))).isEmpty();
    }

    private String displayName(String username) {
        return jdbc.sql("select display_name from account where username = ?").param(username).query(String.class).single();
    }

    /**
     * gv07 also teaches a subject of 7A1: the sign-off page of term I says nothing is missing, the
     * button is enabled, and after signing it shows the content hash and time of the stored sign-off.
     */
    private void signOwnSubjectOnThePage(long subjectId) {
        browser.logIn("gv07");
        browser.open("/lop/" + classId + "/mon/" + subjectId + "/hoc-ki/1/ki-xac-nhan");
        assertThat(text(By.id("complete"))).isEqualTo("Không còn thiếu điểm nào: có thể ký xác nhận.");
        assertThat(browser.driver().findElements(By.id("signed"))).isEmpty();
        assertThat(browser.driver().findElement(By.id("sign")).isEnabled()).isTrue();
        browser.checkPage("gvbm-ki-xac-nhan-du");
        submit(By.id("sign"));
        assertThat(text(By.id("info"))).isEqualTo("Đã ký xác nhận điểm môn.");
        JsonNode stored = api.get("gv07", "/api/classes/" + classId + "/terms/1/sign-offs").body().findParents("subjectId").stream()
                .filter(s -> s.path("subjectId").asLong() == subjectId && s.path("active").asBoolean(true)).findFirst()
                .orElseThrow(() -> new AssertionError("no stored sign-off of subject " + subjectId));
        assertThat(stored.path("signedBy").asText()).isEqualTo("gv07");
        assertThat(text(By.id("hash"))).hasSize(64).isEqualTo(stored.path("contentSha256").asText());
        assertThat(text(By.id("signed-by"))).isEqualTo(person("gv07"));
        assertThat(text(By.cssSelector("#signed"))).contains("gv07")
                .containsPattern("\\d{2}:\\d{2} \\d{2}/\\d{2}/\\d{4}");
        // Signed: no second sign button, the page says when it comes back.
        assertThat(browser.driver().findElements(By.id("sign"))).isEmpty();
        assertThat(text(By.id("signed-already"))).contains("trả môn lại");
        browser.checkPage("gvbm-ki-xac-nhan-da-ki");
    }

    @Test
    @Order(6)
    void theOtherPagesOfTheClassAreAccessibleAndFitAPhone() {
        browser.logIn("gv07");
        browser.open(page("/chu-nhiem?hocKi=2"));
        assertThat(text(By.tagName("h1"))).endsWith(" · học kì II");
        assertThat(text(By.linkText("Xem học kì I"))).isNotEmpty();
        assertThat(text(By.id("subjects"))).contains("Toán");
        assertThat(text(By.id("months"))).contains("Tháng 2/2026: đã xác nhận");
        browser.checkPage("gvcn-tong-quan");
        browser.open(page("/cuoi-nam"));
        browser.checkPage("gvcn-cuoi-nam");
        browser.open(page("/excel?hocKi=2"));
        assertThat(text(By.tagName("h1"))).startsWith("Sổ điểm cả lớp bằng Excel · học kì II · lớp ");
        assertThat(text(By.id("download"))).endsWith(" học kì II (.xlsx)");
        browser.checkPage("gvcn-excel");
    }

    @Test
    @Order(5)
    void theHomeroomTeacherUploadsTheWholeClassWorkbookSeesThePreviewAndAppliesIt() throws Exception {
        JsonNode english = null;
        for (JsonNode t : api.get("hieutruong", "/api/classes/" + classId).body().path("teaching")) {
            if (t.path("teacher").path("code").asText().equalsIgnoreCase("gv07") && t.path("subject").path("code").asText().startsWith("NGOAI")) {
                english = t;
            }
        }
        assertThat(english).as("gv07 teaches Ngoại ngữ 1 in 7A1").isNotNull();
        String code = english.path("subject").path("code").asText();
        long subjectId = english.path("subject").path("id").asLong();
        byte[] workbook = api.download("gv07", "/api/classes/" + classId + "/terms/2/gradebook.xlsx");
        String student;
        Path filled = Files.createTempFile("so-diem-7A1", ".xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet sheet = book.getSheet(code);
            Row header = sheet.getRow(4);
            int tx3 = -1;
            for (Cell c : header) {
                if (c.getStringCellValue().equals("TX3")) {
                    tx3 = c.getColumnIndex();
                }
            }
            assertThat(tx3).as("column TX3 in sheet " + code).isPositive();
            Row first = sheet.getRow(5);
            student = first.getCell(1).getStringCellValue();
            assertThat(first.getCell(tx3) == null || first.getCell(tx3).toString().isBlank()).as("TX3 still empty").isTrue();
            (first.getCell(tx3) == null ? first.createCell(tx3) : first.getCell(tx3)).setCellValue("9");
            try (var out = Files.newOutputStream(filled)) {
                book.write(out);
            }
        }
        browser.logIn("gv07");
        browser.open(page("/excel?hocKi=2"));
        browser.driver().findElement(By.id("file")).sendKeys(filled.toAbsolutePath().toString());
        submit(By.id("upload"));
        assertThat(text(By.id("preview"))).contains("mới 1, sửa 0");
        assertThat(text(By.cssSelector("#preview tr.o-NEW"))).contains("TX3").contains("9");
        browser.checkPage("gvcn-excel-xem-truoc");
        submit(By.id("apply"));
        assertThat(text(By.cssSelector("p.info"))).isEqualTo("Đã lưu 1 điểm từ tệp Excel.");
        assertThat(jdbc.sql("select m.score from mark m join student s on s.id = m.student_id where m.class_id = ? and m.subject_id = ? "
                + "and m.term = 2 and m.kind = 'REGULAR' and m.column_no = 3 and s.code = ?")
                .params(classId, subjectId, student).query(java.math.BigDecimal.class).single()).isEqualByComparingTo("9");
        Files.delete(filled);
    }

    @Test
    @Order(7)
    void aHomeroomTeacherOfAnotherClassIsRefused() throws Exception {
        browser.logIn("gv04");
        browser.open(page("/chu-nhiem"));
        assertThat(text(By.tagName("h1"))).isEqualTo("Không có quyền truy cập");
        assertThat(text(By.cssSelector("main p.error"))).contains("lớp 7A1");
        browser.open(page("/diem-danh/2026-03"));
        assertThat(text(By.tagName("h1"))).isEqualTo("Không có quyền truy cập");
        assertThat(browser.driver().findElements(By.id("confirm-month"))).isEmpty();
        browser.checkPage("gvcn-lop-khac");
        String token = api.send(null, MockMvcRequestBuilders.post("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"gv04\",\"password\":\"HocBa@2025\"}")).body().path("token").asText();
        MockHttpServletResponse refused = mvc.perform(MockMvcRequestBuilders.post(page("/diem-danh/2026-03/xac-nhan"))
                .header("Authorization", "Bearer " + token)).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from attendance_month where class_id = ? and month_start = date '2026-03-01'")
                .param(classId).query(Long.class).single()).isZero();
    }

    @Test
    @Order(8)
    void theHomeroomTeacherConfirmsOneCorrectionRequestAndReturnsAnother() {
        assertThat(api.post("hieutruong", "/api/classes/" + classId + "/terms/1/approval", "{}").status()).isEqualTo(200);
        runJobs();
        assertThat(jdbc.sql("select count(*) from gradebook_lock where class_id = ? and term = 1 and unlocked_at is null")
                .param(classId).query(Long.class).single()).isEqualTo(1);
        JsonNode toan = teachingOf("TOAN");
        long toanId = toan.path("subject").path("id").asLong();
        String teacher = toan.path("teacher").path("code").asText().toLowerCase();
        List<Long> students = jdbc.sql("select student_id from mark where class_id = ? and subject_id = ? and term = 1 "
                + "and kind = 'REGULAR' and column_no = 1 and score is not null and score < 9 order by student_id limit 2")
                .params(classId, toanId).query(Long.class).list();
        long confirmed = requestCorrection(teacher, toanId, students.get(0), "10", "Cộng nhầm điểm bài kiểm tra miệng");
        long returned = requestCorrection(teacher, toanId, students.get(1), "9", "Chấm lại bài kiểm tra miệng");

        browser.logIn("gv07");
        browser.open("/de-nghi-sua-diem");
        // Session 30 (walk28): the requester by full name as elsewhere, not the bare account "(gv08)"; "HK I" as titles say.
        assertThat(text(By.id("to-confirm"))).contains("Cộng nhầm điểm bài kiểm tra miệng\nNgười đề nghị: " + person(teacher))
                .contains("Chấm lại bài kiểm tra miệng").contains("→ 10").contains("→ 9").contains(" · Toán · HK I ")
                .doesNotContain("HK1");
        assertThat(text(By.cssSelector("main p.hint"))).as("one quoting style, «…»").contains("bấm «Đề nghị sửa điểm».");
        browser.checkPage("gvcn-de-nghi-sua-diem");
        browser.open(page("/cuoi-nam"));
        assertThat(text(By.id("corrections"))).contains("Người đề nghị: " + person(teacher) + ", lúc ")
                .contains(" · Toán · HK I, ĐĐGtx 1").doesNotContain("null");
        browser.checkPage("gvcn-cuoi-nam-sua-diem");
        browser.open("/de-nghi-sua-diem");
        submit(By.id("confirm-" + confirmed));
        assertThat(text(By.id("info"))).isEqualTo("Đã xác nhận đề nghị sửa điểm số " + confirmed + "; đề nghị chuyển tới Hiệu trưởng.");
        String why = "Điểm cũ khớp với bài làm, không cần sửa.";
        browser.driver().findElement(By.cssSelector("form[action$='/de-nghi-sua-diem/" + returned + "/tra-lai'] input[name=liDo]"))
                .sendKeys(why);
        submit(By.cssSelector("form[action$='/de-nghi-sua-diem/" + returned + "/tra-lai'] button"));
        assertThat(text(By.id("info"))).isEqualTo("Đã trả lại đề nghị sửa điểm số " + returned + " cho giáo viên bộ môn.");
        assertThat(browser.driver().findElements(By.id("to-confirm"))).as("nothing left to confirm").isEmpty();

        assertThat(correction(confirmed)).isEqualTo("CONFIRMED|gv07|null");
        assertThat(correction(returned)).isEqualTo("RETURNED|gv07|" + why);
        assertThat(api.get(teacher, "/api/corrections/" + returned).body().path("status").asText()).isEqualTo("RETURNED");
        assertThat(api.get("hieutruong", "/api/tasks").body().findValuesAsText("correctionId"))
                .as("the confirmed request waits for the principal").contains(String.valueOf(confirmed)).doesNotContain(String.valueOf(returned));
    }

    /**
     * After the year end (term II complete with one student far below 5 in Toán, both terms closed,
     * the principal approves the proposal), the Toán teacher opens the retest task from the task
     * list, enters the retest result on the page, and it is stored.
     */
    @Test
    @Order(9)
    void afterTheYearEndTheSubjectTeacherEntersARetestResult() {
        SchoolClass schoolClass = directory.schoolClass(new ClassId(classId));
        // YearCompletion inserts what the demo leaves out of term II; the journeys above already stored
        // some of it (a TX3 mark from the Excel upload, two conduct ratings), which it enters again.
        jdbc.sql("delete from mark where class_id = ? and term = 2 and kind = 'REGULAR' and column_no >= 3").param(classId).update();
        jdbc.sql("delete from conduct_rating where class_id = ? and term = 2").param(classId).update();
        new YearCompletion(directory, registry, load, results).completeTermTwo(schoolClass);
        JsonNode toan = teachingOf("TOAN");
        long toanId = toan.path("subject").path("id").asLong();
        String teacher = toan.path("teacher").path("code").asText().toLowerCase();
        EnrolledStudent failing = registry.roster(schoolClass.id()).get(1);
        failTermTwo(schoolClass, failing, toanId);
        closeTermTwoAndTheYearThroughTheApi();

        browser.logIn(teacher);
        browser.open("/viec-can-lam");
        WebElement task = browser.driver().findElements(By.cssSelector("main a")).stream()
                .filter(a -> a.getAttribute("href") != null && a.getAttribute("href").endsWith("/thi-lai")).findFirst()
                .orElseThrow(() -> new AssertionError("no task button to /thi-lai on " + text(By.tagName("main"))));
        browser.click(task);
        assertThat(browser.path()).isEqualTo("/thi-lai");
        String field = "retest-" + classId + "-" + toanId + "-" + failing.student().id().value();
        assertThat(text(By.id("retests"))).contains(failing.student().profile().fullName()).contains("Toán");
        browser.checkPage("gvbm-kiem-tra-lai");
        browser.driver().findElement(By.id(field)).sendKeys("6,5");
        submit(By.cssSelector("#" + field + " ~ button"));
        assertThat(text(By.id("info"))).isEqualTo("Đã lưu điểm kiểm tra lại 6,5 của học sinh "
                + failing.student().profile().fullName() + ".");
        assertThat(jdbc.sql("select score from retest_mark where class_id = ? and subject_id = ? and student_id = ?")
                .params(classId, toanId, failing.student().id().value()).query(BigDecimal.class).single()).isEqualByComparingTo("6.5");
        assertThat(jdbc.sql("select updated_by from retest_mark where class_id = ? and student_id = ?")
                .params(classId, failing.student().id().value()).query(String.class).single()).isEqualTo(teacher);
        assertThat(browser.driver().findElements(By.id(field))).as("an entered retest leaves the list").isEmpty();
    }

    /** Every term II mark of {@code student} in the subject set to 0, so that the year average is far below 5. */
    private void failTermTwo(SchoolClass schoolClass, EnrolledStudent student, long subjectId) {
        assertThat(jdbc.sql("update mark set score = 0 where class_id = ? and subject_id = ? and term = 2 and student_id = ?")
                .params(classId, subjectId, student.student().id().value()).update()).isPositive();
        results.recompute(schoolClass);
    }

    private void closeTermTwoAndTheYearThroughTheApi() {
        String term = "/api/classes/" + classId + "/terms/2";
        assertThat(api.post("hieutruong", term + "/close", "{}").status()).isEqualTo(201);
        runJobs();
        for (JsonNode t : api.get("hieutruong", "/api/classes/" + classId).body().path("teaching")) {
            ApiClient.Reply signed = api.post(t.path("teacher").path("code").asText().toLowerCase(),
                    term + "/subjects/" + t.path("subject").path("id").asLong() + "/sign-off", "{}");
            assertThat(signed.status()).as("HK2 " + t.path("subject").path("code") + " " + signed).isEqualTo(200);
        }
        assertThat(api.post("gv07", term + "/homeroom-check", "{}").status()).isEqualTo(200);
        assertThat(api.post("gv07", term + "/sign-off", "{}").status()).isEqualTo(200);
        assertThat(api.post("hieutruong", term + "/approval", "{}").status()).isEqualTo(200);
        runJobs();
        String year = "/api/classes/" + classId + "/year-end";
        assertThat(api.post("gv07", year + "/start", "{}").status()).isEqualTo(201);
        assertThat(api.post("gv07", year + "/proposal", "{}").status()).isEqualTo(200);
        assertThat(api.post("hieutruong", year + "/approval", "{}").status()).isEqualTo(200);
        runJobs();
    }

    private long requestCorrection(String teacher, long subjectId, long studentId, String value, String reason) {
        ApiClient.Reply filed = api.post(teacher, "/api/corrections", "{\"classId\":" + classId + ",\"subjectId\":" + subjectId
                + ",\"studentId\":" + studentId + ",\"term\":1,\"kind\":\"REGULAR\",\"column\":1,\"newValue\":\"" + value
                + "\",\"reason\":\"" + reason + "\"}");
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        return filed.body().path("request").path("id").asLong();
    }

    private String correction(long id) {
        return jdbc.sql("select status, confirmed_by, decision_reason from correction_request where id = ?").param(id)
                .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3)).single();
    }

    private JsonNode teachingOf(String subjectCode) {
        for (JsonNode t : api.get("hieutruong", "/api/classes/" + classId).body().path("teaching")) {
            if (t.path("subject").path("code").asText().equals(subjectCode)) {
                return t;
            }
        }
        throw new AssertionError("no " + subjectCode + " in 7A1");
    }

    /** Clicks a button that sends a form and waits for the page the server answers with. */
    /** How pages name a person: the full name from the school's records, then the account ("Đỗ Thị Hạnh (gv04)"). */
    private String person(String username) {
        String name = jdbc.sql("select display_name from account where username = ?").param(username).query(String.class).single();
        assertThat(name).isNotEqualTo(username);
        return name + " (" + username + ")";
    }

    private void submit(By button) {
        JavascriptExecutor js = browser.driver();
        Object marker = js.executeScript("return window.__page = Math.random();");
        browser.driver().findElement(button).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> {
            Object now = ((JavascriptExecutor) d).executeScript("return window.__page;");
            return now == null || !now.equals(marker);
        });
        browser.settle();
    }

    private String text(By by) {
        return browser.driver().findElement(by).getText();
    }

    private String page(String path) {
        return "/lop/" + classId + path;
    }

    private ApiClient.Reply signSubject(JsonNode teaching) {
        return api.post(teaching.path("teacher").path("code").asText().toLowerCase(),
                "/api/classes/" + classId + "/terms/1/subjects/" + teaching.path("subject").path("id").asLong() + "/sign-off", "{}");
    }

    private List<Boolean> excused(long studentId, String day) {
        return jdbc.sql("select excused from absence where student_id = ? and absent_on = cast(? as date)")
                .params(studentId, day).query(Boolean.class).list();
    }

    private String conduct(long studentId) {
        return jdbc.sql("select level, comment from conduct_rating where class_id = ? and student_id = ? and term = 2")
                .params(classId, studentId).query((rs, n) -> rs.getString(1) + "|" + rs.getString(2)).single();
    }

    private static JsonNode month(JsonNode months, String month) {
        for (JsonNode m : months) {
            if (m.path("month").asText().equals(month)) {
                return m;
            }
        }
        throw new AssertionError("no month " + month + " in " + months);
    }

    private static String comment(JsonNode comments, long studentId) {
        for (JsonNode c : comments) {
            if (c.path("studentId").asLong() == studentId) {
                return c.path("text").asText();
            }
        }
        return null;
    }

    private void runJobs() {
        for (int round = 0; round < 5; round++) {
            List<Job> jobs = management.createJobQuery().executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(j -> management.executeJob(j.getId()));
        }
    }
}
