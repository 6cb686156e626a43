package vn.hocba.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.hocba.support.TemporaryDataDirectory;

/** The web shell in a real browser (Debian's Chromium, headless): login, home page, wrong password, logout. */
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
    WebDriver browser;

    @BeforeAll
    void startBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=vi");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @org.junit.jupiter.api.BeforeEach
    void newSession() {
        browser.get("http://localhost:" + port + "/login");
        browser.manage().deleteAllCookies();
    }

    @AfterAll
    void stopBrowser() {
        browser.quit();
        TemporaryDataDirectory.delete(dataDir);
    }

    @Test
    void thePrincipalLogsInAndSeesTheEightClassesThenLogsOut() {
        logIn("hieutruong", "HocBa@2025");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Trường THCS Mẫu");
        List<String> classes = browser.findElements(By.cssSelector("#classes li")).stream().map(WebElement::getText).toList();
        assertThat(classes).containsExactly("6A1", "6A2", "7A1", "7A2", "8A1", "8A2", "9A1", "9A2");
        assertThat(browser.getPageSource()).contains("Hiệu trưởng");
        browser.findElement(By.cssSelector("form.logout button")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().endsWith("/login?logout"));
        assertThat(browser.getPageSource()).contains("Bạn đã đăng xuất.");
    }

    @Test
    void aSubjectTeacherSeesOnlyTheirAssignments() {
        logIn("gv11", "HocBa@2025");
        assertThat(browser.findElements(By.cssSelector("#classes li"))).hasSize(4);
        assertThat(browser.findElement(By.id("teaching")).getText()).contains("Lịch sử và Địa lí").contains("cột 1–2");
    }

    @Test
    void aWrongPasswordIsToldInVietnamese() {
        logIn("gv11", "sai-mat-khau");
        assertThat(browser.findElement(By.cssSelector("p.error")).getText()).isEqualTo("Sai tên đăng nhập hoặc mật khẩu.");
    }

    private void logIn(String user, String password) {
        browser.get("http://localhost:" + port + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        String before = browser.getCurrentUrl();
        browser.findElement(By.cssSelector("main.login button[type=submit]")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> !d.getCurrentUrl().equals(before));
    }
}
