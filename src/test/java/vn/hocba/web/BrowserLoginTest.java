package vn.hocba.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.hocba.support.TemporaryDataDirectory;

/** The web shell in a real browser (Debian's Chromium, headless): login, home page (the task list), wrong password, logout. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserLoginTest {

    private static Path dataDir;

    @DynamicPropertySource
    static void freshDataDirectory(DynamicPropertyRegistry registry) {
        dataDir = TemporaryDataDirectory.register(registry, "hocba-browser");
    }

    @LocalServerPort
    int port;
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
    void thePrincipalLogsInAndSeesTheEightClassesThenLogsOut() {
        logIn("hieutruong", "HocBa@2025");
        // The home page is the person's tasks; the header names the school, the year, the person and their roles.
        assertThat(browser.text("h1")).isEqualTo("Việc cần làm");
        assertThat(browser.text("header .school")).contains("Trường THCS Mẫu").contains("2025-2026");
        assertThat(browser.text("header .person")).contains("Lê Văn Triển").contains("Hiệu trưởng");
        List<String> classes = browser.driver().findElements(By.cssSelector("#classes li")).stream().map(WebElement::getText).toList();
        assertThat(classes).containsExactly("6A1", "6A2", "7A1", "7A2", "8A1", "8A2", "9A1", "9A2");
        browser.click(browser.find("form.logout button"));
        assertThat(browser.path()).isEqualTo("/login?logout");
        assertThat(browser.text("main")).contains("Bạn đã đăng xuất.");
    }

    @Test
    void aSubjectTeacherSeesOnlyTheirAssignments() {
        logIn("gv11", "HocBa@2025");
        assertThat(browser.driver().findElements(By.cssSelector("#classes li"))).hasSize(4);
        assertThat(browser.text("#teaching")).contains("Lịch sử và Địa lí").contains("cột 1–2");
    }

    @Test
    void aWrongPasswordIsToldInVietnamese() {
        logIn("gv11", "sai-mat-khau");
        assertThat(browser.text("p.error")).isEqualTo("Sai tên đăng nhập hoặc mật khẩu.");
    }

    /** Opens the home page without a session: the login page comes first, then the home page. */
    private void logIn(String user, String password) {
        browser.driver().manage().deleteAllCookies();
        browser.open("/");
        assertThat(browser.path()).isEqualTo("/login");
        browser.submitLogin(user, password);
    }
}
