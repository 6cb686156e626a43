package vn.hocba.web.homeroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The homeroom page tests' browser: Debian's Chromium (headless), login, axe-core check, screenshots at 1280 and 390 px. */
final class HomeroomBrowser implements AutoCloseable {

    private static final Path SCREENS = Path.of("docs", "screens");
    private static String axe;

    final WebDriver driver;
    private final String base;

    HomeroomBrowser(int port) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=vi", "--window-size=1280,900", "--hide-scrollbars");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        base = "http://localhost:" + port;
    }

    void logIn(String user) {
        driver.get(base + "/login");
        driver.manage().deleteAllCookies();
        driver.get(base + "/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("HocBa@2025");
        driver.findElement(By.cssSelector("main.login button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    void open(String path) {
        driver.get(base + path);
    }

    /** Clicks and waits for the next page to load. */
    void submit(By button) {
        Object marker = ((JavascriptExecutor) driver).executeScript("return window.__page = Math.random();");
        driver.findElement(button).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            Object now = ((JavascriptExecutor) d).executeScript("return window.__page;");
            return now == null || !now.equals(marker);
        });
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d ->
                "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    String text(By by) {
        return driver.findElement(by).getText();
    }

    /** Runs axe-core (WCAG 2.x A and AA rules) on the page and fails with every violation found. */
    @SuppressWarnings("unchecked")
    void assertAccessible() {
        ((JavascriptExecutor) driver).executeScript(axeSource());
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                   .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' — '
                       + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))))
                   .catch(e => done(['axe failed: ' + e]));
                """);
        assertThat((List<String>) result).as("axe-core violations on " + driver.getCurrentUrl()).isEmpty();
    }

    /** Screenshots of the whole page at 1280 and 390 px (a phone's viewport): docs/screens/{name}-1280.png and -390.png. */
    void screenshots(String name) {
        try {
            Files.createDirectories(SCREENS);
            ChromeDriver chrome = (ChromeDriver) driver;
            for (int width : new int[] {1280, 390}) {
                chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                        Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", width < 600));
                Number sideways = (Number) ((JavascriptExecutor) driver).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(sideways.intValue()).as(name + " at " + width + " px scrolls sideways").isLessThanOrEqualTo(0);
                Number height = (Number) ((JavascriptExecutor) driver).executeScript(
                        "return Math.min(8000, document.documentElement.scrollHeight);");
                Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                        "captureBeyondViewport", true,
                        "clip", Map.of("x", 0, "y", 0, "width", width, "height", height.intValue(), "scale", 1)));
                Files.write(SCREENS.resolve(name + "-" + width + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
            }
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized String axeSource() {
        if (axe == null) {
            try (InputStream in = HomeroomBrowser.class.getResourceAsStream("/axe/axe.min.js")) {
                axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axe;
    }

    @Override
    public void close() {
        driver.quit();
    }

}
