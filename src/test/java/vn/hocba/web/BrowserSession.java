package vn.hocba.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser (Debian's Chromium, headless, through chromedriver) on a HocBa started by the
 * test, for every browser test of the web app:
 *
 * <pre>{@code
 * @SpringBootTest(webEnvironment = RANDOM_PORT)  // with a fresh data directory, see BrowserLoginTest
 * class MarkGridBrowserTest {
 *     @LocalServerPort int port;
 *     BrowserSession browser;
 *     @BeforeAll void start() { browser = BrowserSession.start(port); }
 *     @AfterAll void stop() { browser.close(); }
 *
 *     @Test void aTeacherTypesAMark() {
 *         browser.logIn("gv01");                       // demo password; lands on Việc cần làm
 *         browser.open("/lop/1/mon/2/hoc-ki/2/diem");  // waits until htmx has settled
 *         browser.checkPage("nhap-diem");              // axe (WCAG A/AA) + no sideways scrolling at 1280 and 390 px, screenshots
 *         ...
 *     }
 * }
 * }</pre>
 *
 * {@link #checkPage} fails the test on any axe-core violation tagged wcag2a, wcag2aa, wcag21a or
 * wcag21aa, and on a page wider than a 390 px phone screen. axe-core is read from
 * {@code .ci/tools/node_modules/axe-core/axe.min.js} (installed by {@code .ci/run}); when it is missing
 * the test fails and says how to install it. Screenshots go to {@code target/screens}, or to the
 * folder named by the system property {@code hocba.screens} ({@code ./mvnw -Pscreens test} writes
 * {@code docs/screens}, see the README).
 */
public final class BrowserSession implements AutoCloseable {

    /** The password of every demo account. */
    public static final String DEMO_PASSWORD = "HocBa@2025";
    /** The pinned axe-core, installed by .ci/run. */
    public static final Path AXE = Path.of(".ci/tools/node_modules/axe-core/axe.min.js");
    public static final String AXE_INSTALL = "npm install --no-save --prefix .ci/tools axe-core@4.10.3";
    private static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final int DESKTOP = 1280;
    private static final int PHONE = 390;
    private static final Duration WAIT = Duration.ofSeconds(20);
    /**
     * How often a wait looks again (Selenium's default is 500 ms, which a test pays on average half of at every
     * click, log-in and settle whose condition is not met at the first look).
     */
    public static final Duration POLL = Duration.ofMillis(100);

    private final ChromeDriver driver;
    private final String base;

    private BrowserSession(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** The checks of this class on a browser that a test started itself (that test quits it; do not close this). */
    public static BrowserSession around(ChromeDriver driver, int port) {
        return new BrowserSession(driver, "http://localhost:" + port);
    }

    /** Starts headless Chromium, 1280 px wide, for the HocBa at {@code http://localhost:port}. */
    public static BrowserSession start(int port) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=vi", "--window-size=" + DESKTOP + ",900", "--hide-scrollbars");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return new BrowserSession(driver, "http://localhost:" + port);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** The absolute address of a context-relative {@code path}. */
    public String url(String path) {
        return base + path;
    }

    /** The current address without scheme, host and port ({@code /viec-can-lam?x}). */
    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    /** Opens {@code path} and waits until the page (and any htmx request it started) has settled. */
    public BrowserSession open(String path) {
        driver.get(url(path));
        settle();
        return this;
    }

    /** Logs in as a demo account (password {@link #DEMO_PASSWORD}), starting from no session. */
    public BrowserSession logIn(String username) {
        return logIn(username, DEMO_PASSWORD);
    }

    /** Forgets every cookie (no session), then logs in through the login form. */
    public BrowserSession logIn(String username, String password) {
        driver.get(url("/login"));
        driver.manage().deleteAllCookies();
        driver.get(url("/login"));
        return submitLogin(username, password);
    }

    /** Fills and sends the login form on the current page (the login page), keeping the session. */
    public BrowserSession submitLogin(String username, String password) {
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        String before = driver.getCurrentUrl();
        driver.findElement(By.cssSelector("main.login button[type=submit]")).click();
        new WebDriverWait(driver, WAIT, POLL).until(d -> !d.getCurrentUrl().equals(before));
        settle();
        return this;
    }

    /**
     * Clicks {@code element} and waits for the page it leads to (or the htmx swap it starts) to settle.
     * A click that submits a form or follows a link without a script taking it over leaves the page:
     * then this waits until the new page has replaced the old one, so that the next step never reads
     * or types into the page being left (the old page is complete until the new one arrives).
     */
    public BrowserSession click(WebElement element) {
        driver.executeScript(WATCH_LEAVING);
        element.click();
        try {
            new WebDriverWait(driver, WAIT, POLL).ignoring(WebDriverException.class).until(d -> Boolean.TRUE.equals(
                    ((JavascriptExecutor) d).executeScript("return !document.documentElement.hasAttribute('data-before-click')"
                            + " || window.hocbaLeaving !== true")));
        } catch (TimeoutException downloadOrStuck) {
            // a submit answered with a file download stays on the page; settle() below still applies
        }
        settle();
        return this;
    }

    /** Marks the page and notes whether the coming click submits a form or follows a link natively. */
    private static final String WATCH_LEAVING = """
            document.documentElement.setAttribute('data-before-click', '');
            window.hocbaLeaving = false;
            if (!window.hocbaWatching) {
              window.hocbaWatching = true;
              const samePage = t => !t || t === '_self';
              window.addEventListener('submit', e => {
                if (!e.defaultPrevented && samePage(e.target.getAttribute('target'))) window.hocbaLeaving = true;
              });
              window.addEventListener('click', e => {
                const a = e.target.closest ? e.target.closest('a[href]') : null;
                if (a && !e.defaultPrevented && !a.hasAttribute('download') && samePage(a.getAttribute('target'))
                    && !a.getAttribute('href').startsWith('#')) window.hocbaLeaving = true;
              });
            }
            """;

    /** Waits until the document is loaded and htmx has no request in flight and nothing left to settle. */
    public void settle() {
        new WebDriverWait(driver, WAIT, POLL).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete'"
                        + " && document.querySelectorAll('.htmx-request, .htmx-settling, .htmx-swapping').length === 0")));
    }

    /** The text of the element {@code css}. */
    public String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /**
     * The checks every page passes, at 1280 px and at 390 px: no WCAG A/AA violation found by
     * axe-core and no sideways scrolling on the phone; screenshots {@code name-1280.png} and
     * {@code name-390.png}. The browser is back at 1280 px afterwards.
     */
    public void checkPage(String name) {
        settle();
        try {
            for (int width : new int[] {DESKTOP, PHONE}) {
                emulate(width);
                assertAccessible(name + " at " + width + " px");
                if (width == PHONE) {
                    assertNoSidewaysScrolling(name);
                }
                screenshot(name + "-" + width);
            }
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /** Runs axe-core on the current page; fails listing each WCAG A/AA violation with its elements. */
    public void assertAccessible(String where) {
        injectAxe();
        Object result = driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
                + ".then(function (r) { done(JSON.stringify(r.violations)); }, function (e) { done('ERROR ' + e); });",
                WCAG_TAGS);
        String json = String.valueOf(result);
        if (json.startsWith("ERROR")) {
            fail("axe-core could not run on " + where + ": " + json);
        }
        List<String> violations = describe(json);
        assertThat(violations).as("WCAG A/AA violations found by axe-core on %s (%s)", where, path()).isEmpty();
    }

    /** Fails when the page is wider than the screen (the person would have to scroll sideways). */
    public void assertNoSidewaysScrolling(String where) {
        Number scroll = (Number) driver.executeScript("return document.documentElement.scrollWidth");
        Number view = (Number) driver.executeScript("return window.innerWidth");
        assertThat(scroll.intValue()).as("page width of %s at %d px (sideways scrolling)", where, view.intValue())
                .isLessThanOrEqualTo(view.intValue());
    }

    /** A full-page screenshot of the current page at the current width, as {@code name.png}. */
    public Path screenshot(String name) {
        Number height = (Number) driver.executeScript(
                "return Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0)");
        Number width = (Number) driver.executeScript("return window.innerWidth");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", Math.min(height.intValue(), 12000), "scale", 1)));
        try {
            Path dir = screensFolder();
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code -Dhocba.screens=docs/screens} (the README's command), else target/screens. */
    public static Path screensFolder() {
        String configured = System.getProperty("hocba.screens");
        return Path.of(configured == null || configured.isBlank() ? "target/screens" : configured);
    }

    private void emulate(int width) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                "height", width == PHONE ? 844 : 900, "deviceScaleFactor", 1, "mobile", width == PHONE));
        settle();
    }

    private void injectAxe() {
        if (Boolean.TRUE.equals(driver.executeScript("return typeof window.axe !== 'undefined'"))) {
            return;
        }
        if (!Files.isRegularFile(AXE)) {
            fail("axe-core is missing (" + AXE.toAbsolutePath() + "): the browser tests check every page for WCAG A/AA "
                    + "violations with it. Install it once from the project folder: " + AXE_INSTALL
                    + " (.ci/run does this).");
        }
        try {
            driver.executeScript(Files.readString(AXE, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> describe(String json) {
        List<String> lines = new ArrayList<>();
        try {
            for (JsonNode v : new ObjectMapper().readTree(json)) {
                List<String> targets = new ArrayList<>();
                for (JsonNode node : v.path("nodes")) {
                    targets.add(node.path("target").toString() + " " + node.path("failureSummary").asText().replace('\n', ' '));
                }
                lines.add(v.path("id").asText() + " (" + v.path("impact").asText() + "): " + v.path("help").asText()
                        + " → " + targets);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
