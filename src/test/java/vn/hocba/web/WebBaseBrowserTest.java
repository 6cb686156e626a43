package vn.hocba.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.apache.catalina.Context;
import org.camunda.bpm.engine.ManagementService;
import org.apache.catalina.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.students.StudentRegistry;
import vn.hocba.support.HttpUser;
import vn.hocba.support.TemporaryDataDirectory;

/**
 * The pages every person uses (issue 14, items 1, 13, 14), in a real browser on the demo school: the
 * task list's buttons, changing one's password, the first-login prompt of a temporary password, an
 * expired session, the Vietnamese error pages; each page checked by axe-core at 1280 and 390 px.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebBaseBrowserTest {

    private static Path dataDir;

    @DynamicPropertySource
    static void freshDataDirectory(DynamicPropertyRegistry registry) {
        dataDir = TemporaryDataDirectory.register(registry, "hocba-web-base");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ServletWebServerApplicationContext server;
    @Autowired
    StudentRegistry students;
    @Autowired
    ManagementService management;
    BrowserSession browser;

    @BeforeAll
    void startBrowser() {
        browser = BrowserSession.start(port);
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
        TemporaryDataDirectory.delete(dataDir);
    }

    @Test
    void theTaskButtonOpensThePageWhereTheTaskIsDone() {
        long classId = id("select id from school_class where code = '6A1'");
        long literature = id("select id from subject where code = 'NGU_VAN'");
        // The homeroom teacher of 6A1 starts the term close: each subject teacher gets a sign-off task.
        HttpUser homeroom = new HttpUser(port);
        String token = homeroom.token("gv01", BrowserSession.DEMO_PASSWORD);
        HttpResponse<String> started = homeroom.send(homeroom.json("POST", "/api/classes/" + classId + "/terms/1/close", "")
                .header("Authorization", "Bearer " + token));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);

        browser.logIn("gv01");
        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.text("h1")).isEqualTo("Việc cần làm");
        WebElement task = waitForTask(homeroom, token, "Task_SubjectSignOff", "NGU_VAN", "Ngữ văn");
        assertThat(task.getText()).contains("GVBM ký xác nhận điểm môn").contains("Lớp 6A1").contains("Học kì I");
        // Today is in term II (or after it) and the demo school has its regular columns 1–2 entered, no end-of-term mark yet.
        int enrolled = students.enrolledCount(new ClassId(classId));
        WebElement row = browser.driver().findElements(By.cssSelector("#progress tbody tr")).stream()
                .filter(r -> r.getText().startsWith("6A1") && r.getText().contains("Ngữ văn")).findFirst().orElseThrow();
        assertThat(row.getText()).contains("TX1 " + enrolled + "/" + enrolled).contains("TX2 " + enrolled + "/" + enrolled)
                .contains("CK 0/" + enrolled);
        browser.checkPage("viec-can-lam");

        browser.click(task.findElement(By.cssSelector("a.task-open")));
        assertThat(browser.path()).isEqualTo("/lop/" + classId + "/mon/" + literature + "/hoc-ki/1/ki-xac-nhan");
    }

    @Test
    void aTeacherChangesTheirPasswordAndTheOldOneNoLongerWorks() {
        browser.logIn("gv03");
        browser.open("/tai-khoan/mat-khau");
        assertThat(browser.find("a[aria-current=page]").getText()).isEqualTo("Đổi mật khẩu");
        browser.checkPage("doi-mat-khau");

        fillPassword(BrowserSession.DEMO_PASSWORD, "Tre xanh bong mat 2026", "Tre xanh bong mat 2025");
        assertThat(browser.text("#password-error")).isEqualTo("Mật khẩu nhập lại không khớp với mật khẩu mới; mật khẩu không thay đổi.");
        fillPassword(BrowserSession.DEMO_PASSWORD, "12345678", "12345678");
        assertThat(browser.text("#password-error")).contains("quá phổ biến hoặc dễ đoán");
        browser.checkPage("doi-mat-khau-loi");
        fillPassword(BrowserSession.DEMO_PASSWORD, "Tre xanh bong mat 2026", "Tre xanh bong mat 2026");

        assertThat(browser.path()).isEqualTo("/login?doi-mat-khau");
        assertThat(browser.text("main")).contains("Đã đổi mật khẩu. Hãy đăng nhập lại bằng mật khẩu mới.");
        assertThat(audited("PASSWORD_CHANGED", "gv03")).isEqualTo(1);
        browser.logIn("gv03", BrowserSession.DEMO_PASSWORD);
        assertThat(browser.text("p.error")).isEqualTo("Sai tên đăng nhập hoặc mật khẩu.");
        browser.logIn("gv03", "Tre xanh bong mat 2026");
        assertThat(browser.text("h1")).isEqualTo("Việc cần làm");
    }

    @Test
    void anAccountCreatedWithATemporaryPasswordMustChangeItFirst() {
        HttpUser admin = new HttpUser(port);
        String token = admin.token("quantri", BrowserSession.DEMO_PASSWORD);
        HttpResponse<String> created = admin.send(admin.json("POST", "/api/accounts",
                "{\"username\":\"gvmoi\",\"password\":\"Tam thoi 2026\",\"displayName\":\"Đỗ Thị Mới\",\"roles\":[]}")
                .header("Authorization", "Bearer " + token));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        browser.logIn("gvmoi", "Tam thoi 2026");
        assertThat(browser.path()).isEqualTo("/tai-khoan/mat-khau?lan-dau");
        assertThat(browser.text("#first-login")).contains("mật khẩu tạm thời do Ban quản trị đặt");
        browser.checkPage("doi-mat-khau-lan-dau");
        browser.open("/viec-can-lam");
        assertThat(browser.path()).as("every other page leads back to the change of password")
                .isEqualTo("/tai-khoan/mat-khau?lan-dau");

        fillPassword("Tam thoi 2026", "Song Hong chay mai", "Song Hong chay mai");
        assertThat(browser.path()).isEqualTo("/login?doi-mat-khau");
        assertThat(jdbc.sql("select must_change_password from account where username = 'gvmoi'").query(Boolean.class).single())
                .isFalse();
        browser.logIn("gvmoi", "Song Hong chay mai");
        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.text("h1")).isEqualTo("Việc cần làm");
    }

    @Test
    void anExpiredSessionLeadsToTheLoginPageAndBackToThePage() {
        browser.logIn("gv05");
        browser.open("/thong-bao");
        browser.checkPage("thong-bao");
        expireSessionOfTheBrowser();

        browser.open("/tai-khoan/mat-khau");
        assertThat(browser.path()).isEqualTo("/login?expired");
        assertThat(browser.text("main [role=status]")).startsWith("Phiên làm việc đã hết hạn");
        browser.checkPage("dang-nhap-het-phien");
        // The API answers a program, not a person: 401, no login page.
        assertThat(fetchStatus("/api/tasks")).isEqualTo(401);

        browser.submitLogin("gv05", BrowserSession.DEMO_PASSWORD);
        assertThat(browser.path()).isEqualTo("/tai-khoan/mat-khau");
        assertThat(browser.text("h1")).isEqualTo("Đổi mật khẩu");
    }

    @Test
    void workAfterLoggingOutInAnotherTabLeadsToTheLoginPageNotToAForbiddenPage() {
        browser.logIn("gv03");
        browser.open("/lop/1/mon/4/hoc-ki/2/diem");
        String grid = browser.driver().getWindowHandle();
        browser.driver().switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        browser.open("/");
        browser.click(browser.find("form.logout button"));
        assertThat(browser.path()).isEqualTo("/login?logout");
        browser.driver().close();
        browser.driver().switchTo().window(grid);

        WebElement row = browser.find("#grid tbody tr");
        long student = Long.parseLong(row.getAttribute("data-student"));
        WebElement cell = browser.find("#o-" + student + "-FINAL-1");
        cell.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "7", org.openqa.selenium.Keys.TAB);
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20), BrowserSession.POLL)
                .until(d -> cell.findElement(By.xpath("..")).getAttribute("class").contains("refused"));
        assertThat(cell.getAttribute("value")).as("what was typed stays in the cell").isEqualTo("7");
        assertThat(cell.getAttribute("title")).startsWith("Phiên đăng nhập đã hết; hãy đăng nhập lại");
        assertThat(browser.text("#status")).contains("Phiên đăng nhập đã hết").doesNotContain("Forbidden").doesNotContain("..");
        assertThat(jdbc.sql("select count(*) from mark where class_id = 1 and subject_id = 4 and term = 2 and kind = 'FINAL' "
                + "and student_id = ?").param(student).query(Long.class).single()).as("nothing stored").isZero();

        browser.open("/tai-khoan/mat-khau");
        assertThat(browser.path()).isEqualTo("/login");
        browser.submitLogin("gv03", BrowserSession.DEMO_PASSWORD);
        browser.driver().switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        browser.open("/");
        browser.click(browser.find("form.logout button"));
        browser.driver().close();
        browser.driver().switchTo().window(grid);
        fillPassword(BrowserSession.DEMO_PASSWORD, "Song Hong chay mai", "Song Hong chay mai");
        assertThat(browser.path()).as("a login to make again, not a 403 page").isEqualTo("/login?expired");
        assertThat(browser.text("main [role=status]")).startsWith("Phiên làm việc đã hết hạn");
        browser.submitLogin("gv03", BrowserSession.DEMO_PASSWORD);
        assertThat(browser.path()).as("back to the page of the form").isEqualTo("/tai-khoan/mat-khau");
    }

    @Test
    void theClassDocumentsPageBeforeAnyDocumentSaysWhenTheyAreMadeAndShowsNoEmptySigning() {
        browser.logIn("vanthu");
        browser.open("/lop/1/tai-lieu");
        assertThat(browser.driver().findElements(By.id("sign-all"))).as("no 'Đã ký 0/0' over an empty bar").isEmpty();
        assertThat(browser.text("#chua-co-van-ban")).startsWith("Lớp chưa có văn bản nào được lập.")
                .contains("khi năm học của lớp đã chốt");
        browser.checkPage("tai-lieu-chua-co");
    }

    @Test
    void anUnknownAddressIsAVietnamesePageInTheLayout() {
        browser.logIn("gv02");
        browser.open("/lop/khong-co-trang-nay");
        assertThat(browser.text("h1")).isEqualTo("Không tìm thấy trang");
        assertThat(browser.text("main [role=alert]")).startsWith("Địa chỉ này không có trong HocBa");
        assertThat(browser.driver().findElements(By.id("menu-chinh"))).as("the menu is there to go on").hasSize(1);
        assertThat(fetchStatus("/lop/khong-co-trang-nay")).isEqualTo(404);
        browser.checkPage("loi-404");
        browser.open("/camunda/app/cockpit/");
        assertThat(browser.text("h1")).isEqualTo("Không có quyền truy cập");
        assertThat(browser.driver().getPageSource()).doesNotContain("Whitelabel").doesNotContain("\"status\"");
    }

    private void fillPassword(String current, String fresh, String repeat) {
        browser.find("#currentPassword").sendKeys(current);
        browser.find("#newPassword").sendKeys(fresh);
        browser.find("#repeatPassword").sendKeys(repeat);
        browser.click(browser.find("form.stacked button[type=submit]"));
    }

    /** The open task of {@code step} about {@code subject}, once the engine has created it (asynchronous steps). */
    private WebElement waitForTask(HttpUser user, String token, String step, String subjectCode, String subject) {
        // The tests' engine runs no job executor: run the process's asynchronous steps here, as the executor would.
        for (int round = 0; round < 10 && !management.createJobQuery().executable().list().isEmpty(); round++) {
            management.createJobQuery().executable().list().forEach(job -> management.executeJob(job.getId()));
        }
        for (int attempt = 0; attempt < 60; attempt++) {
            String tasks = user.send(user.get("/api/tasks").header("Authorization", "Bearer " + token)).body();
            if (tasks.contains("\"step\":\"" + step + "\"") && tasks.contains("\"subjectCode\":\"" + subjectCode + "\"")) {
                break;
            }
            sleep(1000);
        }
        browser.open("/viec-can-lam");
        return browser.driver().findElements(By.cssSelector("#tasks li[data-step=" + step + "]")).stream()
                .filter(task -> task.getText().contains(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("No task " + step + " for " + subject + " on the task list: " + browser.text("main")));
    }

    /** What Tomcat does after 30 idle minutes, now: the browser keeps a cookie of a session that is gone. */
    private void expireSessionOfTheBrowser() {
        String id = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        Context context = (Context) ((TomcatWebServer) server.getWebServer()).getTomcat().getHost().findChildren()[0];
        try {
            Session session = context.getManager().findSession(id);
            assertThat(session).as("the browser's session on the server").isNotNull();
            session.expire();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private long fetchStatus(String path) {
        Object status = browser.driver().executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {headers: {'Accept': 'text/html'}}).then(function (r) { done(r.status); });", path);
        return ((Number) status).longValue();
    }

    private long audited(String action, String username) {
        return jdbc.sql("select count(*) from audit_entry where action = ? and target = ?")
                .params(action, "account " + username).query(Long.class).single();
    }

    private long id(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
