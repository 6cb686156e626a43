package vn.hocba.web.leaders;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, for the principal's, clerk's and admin board's pages: form login, the
 * axe-core check (npm package {@code axe-core}, installed by {@code .ci/run}, see BrowserSession) and
 * screenshots at 1280 and 390 px (target/screens, or docs/screens with ./mvnw -Pscreens test).
 */
final class LeadersBrowser implements AutoCloseable {

    /** Where Chromium saves downloads (a zip the clerk downloads, checked by the test). */
    static final Path DOWNLOADS = Path.of("target/leaders-downloads");

    final WebDriver driver;
    private final String base;

    LeadersBrowser(int port) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=vi", "--window-size=1280,900");
        options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", DOWNLOADS.toAbsolutePath().toString(),
                "download.prompt_for_download", false, "download.directory_upgrade", true));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.base = "http://localhost:" + port;
    }

    /** Waits for a finished download named {@code fileName} and returns its path. */
    Path downloaded(String fileName) {
        Path file = DOWNLOADS.resolve(fileName);
        waitUntil(d -> Files.exists(file) && !Files.exists(DOWNLOADS.resolve(fileName + ".crdownload")));
        return file;
    }

    void logIn(String user) {
        driver.manage().deleteAllCookies();
        driver.get(base + "/login");
        driver.manage().deleteAllCookies();
        driver.get(base + "/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("HocBa@2025");
        driver.findElement(By.cssSelector("main.login button[type=submit]")).click();
        waitUntil(d -> !d.getCurrentUrl().contains("/login"));
    }

    void open(String path) {
        driver.get(base + path);
    }

    /** Waits up to 60 s; an element replaced while the page reloads or repaints is looked up again. */
    void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(60), vn.hocba.web.BrowserSession.POLL)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition::apply);
    }

    /** WCAG 2.x A/AA violations axe-core finds on the current page, as "rule: target" lines. */
    @SuppressWarnings("unchecked")
    List<String> accessibilityViolations() throws IOException, InterruptedException {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axeSource());
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa']}})"
                + ".then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))))"
                + ".catch(e => done(['axe failed: ' + e]));");
        return new ArrayList<>((List<String>) result);
    }

    /** Screenshots of the whole current page at 1280 and 390 px wide: {@code docs/screens/<name>-1280.png}, -390. */
    void screenshots(String name) throws IOException {
        Path screens = vn.hocba.web.BrowserSession.screensFolder();
        Files.createDirectories(screens);
        for (int width : new int[] {1280, 390}) {
            driver.manage().window().setSize(new Dimension(width, 900));
            Object height = ((JavascriptExecutor) driver).executeScript(
                    "return Math.min(6000, document.documentElement.scrollHeight);");
            driver.manage().window().setSize(new Dimension(width, ((Number) height).intValue() + 120));
            Files.write(screens.resolve(name + "-" + width + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        }
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    /** True when the page is wider than the window (content that runs off a phone's screen). */
    boolean overflowsHorizontally() {
        return (Boolean) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1;");
    }

    private static String axeSource() throws IOException {
        if (!Files.exists(vn.hocba.web.BrowserSession.AXE)) {
            throw new IllegalStateException("axe-core is not installed; the accessibility check needs it. Install it once "
                    + "from the project folder: " + vn.hocba.web.BrowserSession.AXE_INSTALL + " (.ci/run does).");
        }
        return Files.readString(vn.hocba.web.BrowserSession.AXE);
    }

    @Override
    public void close() {
        driver.quit();
    }

}
