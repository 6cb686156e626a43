package vn.hocba.web.marks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Browser helpers of the subject teacher's page tests: Chromium, login, a paste as Excel puts it on the clipboard. */
final class MarkPages {

    private MarkPages() {
    }

    static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=vi", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    static void logIn(WebDriver browser, String home, String user, String password) {
        browser.get(home);
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        String before = browser.getCurrentUrl();
        browser.findElement(By.cssSelector("main.login button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15), vn.hocba.web.BrowserSession.POLL).until(d -> !d.getCurrentUrl().equals(before));
        assertThat(browser.getCurrentUrl()).doesNotContain("error");
    }

    /**
     * A paste event carrying {@code text} as Excel puts a copied block on the clipboard (headless
     * Chromium has no system clipboard to copy into): the page's own paste handler does the rest.
     */
    static void paste(WebDriver browser, WebElement target, String text) {
        ((JavascriptExecutor) browser).executeScript("""
                var dt = new DataTransfer(); dt.setData('text/plain', arguments[1]);
                arguments[0].dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));
                """, target, text);
    }

    /** A stored score as the grid shows it ("8,5"; "" for none). */
    static String shown(BigDecimal score) {
        return score == null ? "" : score.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    /** The value of {@code period} ("HK1") of student {@code code} in a stored subject part, shown as the grid shows it. */
    static String termValue(String subjectPart, String code, String period) {
        try {
            for (JsonNode student : new ObjectMapper().readTree(subjectPart).path("students")) {
                if (student.path("code").asText().equals(code)) {
                    return student.path(period).asText().replace('.', ',');
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
