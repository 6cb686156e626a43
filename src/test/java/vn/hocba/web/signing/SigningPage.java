package vn.hocba.web.signing;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.hocba.web.BrowserSession;

/** What a person does on "Ký số" ({@code /ki-so}) in Chromium: read the token, pick a certificate, sign. */
final class SigningPage {

    private static final Duration WAIT = Duration.ofSeconds(45);

    private final BrowserSession browser;
    /** Who is logged in through {@link #logIn} (a person signing several sheets logs in once). */
    private String user;

    SigningPage(BrowserSession browser) {
        this.browser = browser;
    }

    /** Logs {@code username} in (every log-in of the test goes through here). */
    SigningPage logIn(String username) {
        browser.logIn(username);
        user = username;
        return this;
    }

    String user() {
        return user;
    }

    /** Opens {@code username}'s signing step of the class (logging them in unless they are); the agent is already paired. */
    SigningPage open(String username, String step, long classId) {
        if (!username.equals(user)) {
            logIn(username);
        }
        browser.open("/ki-so?buoc=" + step + "&lop=" + classId);
        await(() -> browser.find("#certificates").isDisplayed());
        return this;
    }

    /**
     * As {@link #open}, but the way a person does it: "Việc cần làm", then the button of their signing task, which must
     * lead to the signing page of {@code step} (a subject teacher may not open the class's documents page).
     */
    SigningPage openFromTasks(String username, String step, long classId) {
        if (!username.equals(user)) {
            logIn(username);
        }
        browser.open("/viec-can-lam");
        String target = "/ki-so?buoc=" + step + "&lop=" + classId;
        WebElement button = browser.driver().findElements(By.cssSelector("a.task-open")).stream()
                .filter(a -> a.getAttribute("href").endsWith(target)).findFirst()
                .orElseThrow(() -> new AssertionError(username + ": no task button to " + target + " on Việc cần làm"));
        browser.click(button);
        if (!browser.path().equals(target)) {
            throw new AssertionError(username + ": the task button opened " + browser.path() + ", not " + target);
        }
        await(() -> browser.find("#certificates").isDisplayed());
        return this;
    }

    /** "Đọc chứng thư số trên USB token" (the PIN is typed at the agent), then picks the certificate of {@code name}. */
    SigningPage readTokenAndPick(String name) {
        return readTokenAndPick(name, "");
    }

    /** As {@link #readTokenAndPick(String)}, the certificate of {@code name} whose title is {@code title} ("" for any). */
    SigningPage readTokenAndPick(String name, String title) {
        browser.find("#read-token").click(); // the click handler replaces the status line at once
        await(() -> options() > 0 && browser.text("#status").startsWith("Chọn chứng thư số"));
        Select select = new Select(browser.find("#certificate"));
        // the person's signing certificate ("Giáo viên") before any other of the same name ("Thử nghiệm")
        WebElement mine = select.getOptions().stream().filter(o -> o.getText().startsWith("Tên: " + name + ";")
                || o.getText().startsWith("Tên: " + name + " — "))
                .filter(o -> o.getText().contains("Chức danh: " + title))
                .sorted(java.util.Comparator.comparing(o -> !o.getText().contains("Chức danh: Giáo viên")))
                .findFirst().orElseThrow(() -> new AssertionError("no certificate of " + name + " on the page"));
        select.selectByValue(mine.getAttribute("value"));
        return this;
    }

    /** "Ký", then waits for the end: the status line's text (an error is marked {@code class="error"}). */
    Outcome sign() {
        browser.find("#sign").click();
        await(() -> isError() || browser.text("#status").startsWith("Đã ký"));
        return new Outcome(browser.text("#status"), isError());
    }

    /** "Ký", and returns once the page has handed the batch to the agent (the agent is asking the person). */
    void signUntilTheAgentAsks() {
        browser.find("#sign").click();
        await(() -> browser.text("#status").startsWith("Xác nhận và nhập mã PIN"));
    }

    /** Waits for the page to report the end of the batch it was following. */
    Outcome awaitEnd() {
        await(() -> isError() || browser.text("#status").startsWith("Đã ký"));
        return new Outcome(browser.text("#status"), isError());
    }

    record Outcome(String message, boolean error) {
    }

    private boolean isError() {
        return "error".equals(browser.find("#status").getAttribute("class"));
    }

    private int options() {
        return browser.driver().findElements(By.cssSelector("#certificate option")).size();
    }

    /** Waits for {@code condition}; on time-out fails with what the page shows (status line, address, page text). */
    void await(java.util.function.BooleanSupplier condition) {
        try {
            new WebDriverWait(browser.driver(), WAIT, BrowserSession.POLL).until(d -> condition.getAsBoolean());
        } catch (org.openqa.selenium.TimeoutException e) {
            String status = browser.driver().findElements(By.id("status")).stream().map(WebElement::getText).findFirst()
                    .orElse("(no status line)");
            String text = browser.driver().findElement(By.tagName("body")).getText();
            throw new AssertionError("the page did not get there within " + WAIT.toSeconds() + " s; at " + browser.path()
                    + ", status «" + status + "», page: " + text.substring(0, Math.min(1500, text.length())), e);
        }
    }
}
