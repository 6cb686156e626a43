package vn.hocba.web.marks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.hocba.support.HttpUser;
import vn.hocba.support.TemporaryDataDirectory;

/**
 * The subject teacher's mark entry in a real browser (Debian's Chromium, headless): typing, pasting a
 * block, a 409 from a second session, co-teachers' and locked columns, a correction request. Each
 * journey checks what the database holds afterwards, not only the page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MarkEntryBrowserTest {

    private static final String PASSWORD = "HocBa@2025";
    private static Path dataDir;

    @DynamicPropertySource
    static void freshDataDirectory(DynamicPropertyRegistry registry) {
        dataDir = TemporaryDataDirectory.register(registry, "hocba-marks-browser");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    WebDriver browser;

    @BeforeAll
    void startBrowser() {
        browser = MarkPages.chromium();
    }

    @BeforeEach
    void newSession() {
        browser.get(url("/login"));
        browser.manage().deleteAllCookies();
    }

    @AfterAll
    void stopBrowser() {
        browser.quit();
        TemporaryDataDirectory.delete(dataDir);
    }

    @Test
    void aTeacherTypesAColumnSeesTheServersReasonAndTheStoredValuesAreTheTyped() {
        Sheet sheet = sheet("8A1", "TOAN");
        logIn(sheet.teacher());
        browser.get(url(sheet.page(2)));
        List<Long> students = studentIds();
        WebElement first = cell(students.get(0), "MIDTERM-1");
        first.click();
        first.sendKeys("8,5", Keys.ENTER);
        active().sendKeys("7.5", Keys.ENTER);
        active().sendKeys("11", Keys.ENTER);
        active().sendKeys("9", Keys.TAB);
        waitForState(students.get(0), "MIDTERM-1", "saved");
        waitForState(students.get(1), "MIDTERM-1", "saved");
        waitForState(students.get(3), "MIDTERM-1", "saved");
        waitForState(students.get(2), "MIDTERM-1", "refused");

        assertThat(cell(students.get(1), "MIDTERM-1").getAttribute("value")).isEqualTo("7,5");
        assertThat(cell(students.get(2), "MIDTERM-1").getAttribute("title")).contains("ngoài khoảng 0–10");
        assertThat(cell(students.get(2), "MIDTERM-1").getAttribute("value")).isEqualTo("11");
        assertThat(stored(sheet, 2, students.get(0), "MIDTERM", 1)).isEqualByComparingTo("8.5");
        assertThat(stored(sheet, 2, students.get(1), "MIDTERM", 1)).isEqualByComparingTo("7.5");
        assertThat(stored(sheet, 2, students.get(2), "MIDTERM", 1)).isNull();
        assertThat(stored(sheet, 2, students.get(3), "MIDTERM", 1)).isEqualByComparingTo("9");
        assertThat(audited("MARK_ENTERED", sheet.teacher(), "mark 8A1/TOAN/%/HK2/MIDTERM#1")).isEqualTo(3);

        // No hover on a phone: choosing (tapping) the refused cell puts its own reason on the status line, which
        // stays in view at the bottom of a phone's screen although the grid is longer than the screen.
        assertThat(browser.findElement(By.cssSelector("p.legend")).getText()).doesNotContain("di chuột")
                .contains("chạm hoặc chọn ô để xem lí do");
        String refusedReason = cell(students.get(2), "MIDTERM-1").getAttribute("title");
        onAPhone(() -> {
            JavascriptExecutor js = (JavascriptExecutor) browser;
            js.executeScript("arguments[0].focus();", cell(students.get(0), "MIDTERM-1"));
            assertThat(browser.findElement(By.id("status")).getText()).doesNotContain("ngoài khoảng 0–10");
            js.executeScript("window.scrollTo(0, 0); arguments[0].focus({preventScroll: true});", cell(students.get(2), "MIDTERM-1"));
            WebElement status = browser.findElement(By.id("status"));
            assertThat(status.getText()).contains("ngoài khoảng 0–10").contains(refusedReason);
            assertThat(status.getAttribute("class")).contains("bad");
            long bottom = (Long) ((JavascriptExecutor) browser).executeScript(
                    "var r = arguments[0].getBoundingClientRect(); return Math.round(r.bottom);", status);
            assertThat(bottom).as("status line within the 844 px high screen").isLessThanOrEqualTo(844);
        });

        // Clearing a mark is a save too, and audited.
        WebElement cleared = cell(students.get(3), "MIDTERM-1");
        cleared.click();
        cleared.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, Keys.ENTER);
        waitForState(students.get(3), "MIDTERM-1", "saved");
        assertThat(stored(sheet, 2, students.get(3), "MIDTERM", 1)).isNull();
        assertThat(audited("MARK_CLEARED", sheet.teacher(), "mark 8A1/TOAN/%/HK2/MIDTERM#1")).isEqualTo(1);
    }

    /**
     * Session 30: with the network gone (school wifi, the server restarting) the browser's own failure reached the
     * teacher in English ("Failed to fetch" in the cell and on the status line). Now the cell keeps the value with a
     * Vietnamese reason saying what to do, and once the network is back the same cell is saved.
     */
    @Test
    void aSaveCutOffByTheNetworkSaysSoInVietnameseAndTheCellIsSavedOnceTheNetworkIsBack() {
        Sheet sheet = sheet("7A1", "TOAN");
        logIn(sheet.teacher());
        browser.get(url(sheet.page(2)));
        long student = studentIds().get(0);
        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", true, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
        WebElement cell = cell(student, "FINAL-1");
        try {
            cell.click();
            cell.sendKeys(Keys.chord(Keys.CONTROL, "a"), "6,5", Keys.TAB);
            waitForState(student, "FINAL-1", "refused");
        } finally {
            chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                    "downloadThroughput", -1, "uploadThroughput", -1));
        }
        assertThat(cell.getAttribute("value")).isEqualTo("6,5");
        assertThat(cell.getAttribute("title")).isEqualTo("Không lưu được: mất kết nối tới máy chủ; giá trị vừa gõ vẫn còn "
                + "trong ô, khi có mạng lại hãy chọn ô rồi bấm Enter.");
        assertThat(browser.findElement(By.id("status")).getText()).contains("chưa lưu — Không lưu được: mất kết nối")
                .doesNotContain("fetch");
        assertThat(stored(sheet, 2, student, "FINAL", 1)).isNull();

        cell.click();
        cell.sendKeys(Keys.ENTER);
        waitForState(student, "FINAL-1", "saved");
        assertThat(stored(sheet, 2, student, "FINAL", 1)).isEqualByComparingTo("6.5");
    }

    @Test
    void aBlockPastedFromExcelFillsTheCellsRightAndDownAndIsStored() {
        Sheet sheet = sheet("8A2", "TOAN");
        logIn(sheet.teacher());
        browser.get(url(sheet.page(1)));
        List<Long> students = studentIds();
        // Values that differ from what is stored, so that every pasted cell is a real change.
        String[][] block = {{"8,5", "9"}, {"7", "6,5"}, {"10", "4"}};
        String[] kinds = {"MIDTERM", "FINAL"};
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 2; c++) {
                BigDecimal before = stored(sheet, 1, students.get(r), kinds[c], 1);
                if (before != null && before.compareTo(new BigDecimal(block[r][c].replace(',', '.'))) == 0) {
                    block[r][c] = block[r][c].equals("5,5") ? "6" : "5,5";
                }
            }
        }
        WebElement start = cell(students.get(0), "MIDTERM-1");
        start.click();
        // Every request the page's script sends is noted, to count the batched row saves.
        ((JavascriptExecutor) browser).executeScript("""
                window.__sent = []; var f = window.fetch;
                window.fetch = function (url, init) { window.__sent.push([String(url), init && init.body]); return f.apply(this, arguments); };
                """);
        // The second row's end-of-term value is out of range: that cell alone is refused, its row's other cell is saved.
        BigDecimal refusedBefore = stored(sheet, 1, students.get(1), "FINAL", 1);
        // What Excel puts on the clipboard for 3 rows × 2 columns (giữa kì, cuối kì): tabs and CRLF ("6.5" typed with a point).
        MarkPages.paste(browser, start, block[0][0] + "\t" + block[0][1] + "\r\n" + block[1][0] + "\t"
                + "11" + "\r\n" + block[2][0] + "\t" + block[2][1].replace(',', '.') + "\r\n");
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 2; c++) {
                if (r == 1 && c == 1) {
                    waitForState(students.get(r), kinds[c] + "-1", "refused");
                    assertThat(cell(students.get(r), kinds[c] + "-1").getAttribute("title")).contains("ngoài khoảng 0–10");
                    assertThat(stored(sheet, 1, students.get(r), kinds[c], 1)).isEqualTo(refusedBefore);
                    continue;
                }
                waitForState(students.get(r), kinds[c] + "-1", "saved");
                assertThat(stored(sheet, 1, students.get(r), kinds[c], 1)).isEqualByComparingTo(block[r][c].replace(',', '.'));
                assertThat(cell(students.get(r), kinds[c] + "-1").getAttribute("value")).isEqualTo(block[r][c]);
            }
        }
        // One request per row (not per cell), each carrying that row's two cells.
        @SuppressWarnings("unchecked")
        List<List<String>> sent = (List<List<String>>) ((JavascriptExecutor) browser).executeScript("return window.__sent;");
        assertThat(sent).hasSize(3);
        for (int r = 0; r < 3; r++) {
            assertThat(sent.get(r).get(0)).endsWith("/diem/hang");
            assertThat(sent.get(r).get(1)).contains("\"studentId\":" + students.get(r)).contains("\"kind\":\"MIDTERM\"")
                    .contains("\"kind\":\"FINAL\"");
        }
        // Term I is complete: the term average stored by the save appears next to the student.
        String standing = browser.findElement(By.cssSelector("tr[data-student='" + students.get(0) + "'] td.standing")).getText();
        assertThat(standing).matches("\\d+,\\d");
        assertThat(standing).isEqualTo(storedStanding(sheet, 1, students.get(0)));
    }

    @Test
    void aChangeFromAnotherSessionIsShownAndTheTeacherKeepsTheirValue() {
        Sheet sheet = sheet("9A1", "TOAN");
        logIn(sheet.teacher());
        browser.get(url(sheet.page(1)));
        long student = studentIds().get(0);
        String before = stored(sheet, 1, student, "FINAL", 1).toPlainString();
        int version = jdbc.sql("select version from mark where class_id = ? and subject_id = ? and student_id = ? and term = 1 "
                + "and kind = 'FINAL'").params(sheet.classId(), sheet.subjectId(), student).query(Integer.class).single();
        String other = before.startsWith("3") ? "4.5" : "3.5";
        // A second session (the same teacher through the API) changes the cell after the page was loaded.
        HttpUser api = new HttpUser(port);
        String token = api.token(sheet.teacher(), PASSWORD);
        var reply = api.send(api.json("PUT", "/api/classes/" + sheet.classId() + "/subjects/" + sheet.subjectId()
                + "/terms/1/marks", "{\"changes\":[{\"studentId\":" + student + ",\"kind\":\"FINAL\",\"column\":1,"
                + "\"value\":\"" + other + "\",\"version\":" + version + "}]}").header("Authorization", "Bearer " + token));
        assertThat(reply.statusCode()).isEqualTo(200);

        WebElement final1 = cell(student, "FINAL-1");
        final1.click();
        final1.sendKeys(Keys.chord(Keys.CONTROL, "a"), "9,5", Keys.ENTER);
        WebElement dialog = new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(d -> d.findElement(By.id("conflict")).isDisplayed() ? d.findElement(By.id("conflict")) : null);
        assertThat(dialog.getText()).contains(other.replace('.', ',')).contains("9,5").contains(sheet.teacher());
        assertThat(stored(sheet, 1, student, "FINAL", 1)).isEqualByComparingTo(other);

        browser.findElement(By.cssSelector("#conflict-list li[data-cell='o-" + student + "-FINAL-1'] button.keep-mine")).click();
        waitForState(student, "FINAL-1", "saved");
        assertThat(stored(sheet, 1, student, "FINAL", 1)).isEqualByComparingTo("9.5");
        assertThat(cell(student, "FINAL-1").getAttribute("value")).isEqualTo("9,5");

        // Both cells of the next student's row changed elsewhere, then pasted over in this page (one row request):
        // both conflicts are shown together, and each is resolved on its own (keep mine / take theirs).
        long next = studentIds().get(1);
        String[] kinds = {"MIDTERM", "FINAL"};
        String[] theirs = new String[2];
        String[] mine = new String[2];
        StringBuilder changes = new StringBuilder();
        for (int c = 0; c < 2; c++) {
            BigDecimal was = stored(sheet, 1, next, kinds[c], 1);
            theirs[c] = was != null && was.toPlainString().startsWith("3") ? "4.5" : "3.5";
            // Values that differ from what the page shows, so that the paste sends them.
            mine[c] = was != null && was.compareTo(new BigDecimal(c == 0 ? "9.5" : "8.5")) == 0 ? (c == 0 ? "9" : "8") : (c == 0 ? "9,5" : "8,5");
            Integer v = jdbc.sql("select version from mark where class_id = ? and subject_id = ? and student_id = ? and term = 1 "
                    + "and kind = ? and column_no = 1").params(sheet.classId(), sheet.subjectId(), next, kinds[c])
                    .query(Integer.class).optional().orElse(null);
            changes.append(c == 0 ? "" : ",").append("{\"studentId\":").append(next).append(",\"kind\":\"").append(kinds[c])
                    .append("\",\"column\":1,\"value\":\"").append(theirs[c]).append("\",\"version\":").append(v).append('}');
        }
        assertThat(api.send(api.json("PUT", "/api/classes/" + sheet.classId() + "/subjects/" + sheet.subjectId()
                + "/terms/1/marks", "{\"changes\":[" + changes + "]}").header("Authorization", "Bearer " + token))
                .statusCode()).isEqualTo(200);
        WebElement midterm = cell(next, "MIDTERM-1");
        midterm.click();
        MarkPages.paste(browser, midterm, mine[0] + "\t" + mine[1]);
        List<WebElement> items = new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> {
            List<WebElement> shown = d.findElements(By.cssSelector("#conflict-list li"));
            return shown.size() == 2 && d.findElement(By.id("conflict")).isDisplayed() ? shown : null;
        });
        assertThat(browser.findElement(By.id("conflict-title")).getText()).isEqualTo("2 ô điểm vừa được sửa ở phiên khác");
        WebElement midtermItem = browser.findElement(By.cssSelector("#conflict-list li[data-cell='o-" + next + "-MIDTERM-1']"));
        WebElement finalItem = browser.findElement(By.cssSelector("#conflict-list li[data-cell='o-" + next + "-FINAL-1']"));
        assertThat(items).containsExactlyInAnyOrder(midtermItem, finalItem);
        assertThat(midtermItem.getText()).contains(theirs[0].replace('.', ',')).contains(mine[0]).contains(sheet.teacher());
        assertThat(finalItem.getText()).contains(theirs[1].replace('.', ',')).contains(mine[1]).contains(sheet.teacher());
        waitForState(next, "MIDTERM-1", "refused");
        waitForState(next, "FINAL-1", "refused");
        photograph("gvbm-nhap-diem-xung-dot");

        midtermItem.findElement(By.cssSelector("button.keep-mine")).click();
        // The other conflict stays in the dialog until it is answered.
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.findElements(By.cssSelector("#conflict-list li")).size() == 1);
        assertThat(browser.findElement(By.id("conflict")).isDisplayed()).isTrue();
        browser.findElement(By.cssSelector("#conflict-list li[data-cell='o-" + next + "-FINAL-1'] button.take-theirs")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.findElement(By.id("conflict")).isDisplayed());
        waitForState(next, "MIDTERM-1", "saved");
        assertThat(stored(sheet, 1, next, "MIDTERM", 1)).isEqualByComparingTo(mine[0].replace(',', '.'));
        assertThat(stored(sheet, 1, next, "FINAL", 1)).isEqualByComparingTo(theirs[1]);
        assertThat(cell(next, "FINAL-1").getAttribute("value")).isEqualTo(theirs[1].replace('.', ','));
    }

    @Test
    void aReaderWhoEntersNoColumnIsToldTheSheetIsReadOnlyNotHowToType() {
        Sheet sheet = sheet("6A2", "GDCD");
        logIn("vanthu");
        browser.get(url(sheet.page(2)));
        assertThat(browser.findElements(By.cssSelector("#grid tbody input"))).isNotEmpty()
                .allMatch(input -> input.getAttribute("readonly") != null);
        assertThat(browser.findElement(By.id("chi-xem")).getText()).startsWith("Chỉ xem");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Gõ điểm 0–10");
        // A page for viewing: titled "Sổ điểm", no tabs for what the clerk may not do (Excel upload answers 403).
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Sổ điểm Giáo dục công dân — lớp 6A2");
        assertThat(browser.getTitle()).startsWith("Sổ điểm ");
        assertThat(browser.findElements(By.cssSelector("ul.tabs a")).stream().map(WebElement::getText))
                .contains("Sổ điểm", "Nhận xét", "Ký xác nhận").doesNotContain("Nhập điểm", "Nhập từ Excel", "Đề nghị sửa điểm");
        assertThat(browser.findElements(By.cssSelector("p.legend"))).isEmpty();
        // One teacher enters every column: named once above the grid, not under each header (five lines at 390 px).
        String teacherName = jdbc.sql("select s.full_name from staff s join account a on a.staff_id = s.id where a.username = ?")
                .param(sheet.teacher()).query(String.class).single();
        assertThat(browser.findElement(By.id("chi-xem")).getText()).contains(teacherName + " nhập mọi cột");
        assertThat(browser.findElements(By.cssSelector("#grid thead small.owner"))).isEmpty();
        onAPhone(() -> assertThat(browser.findElements(By.cssSelector("#grid thead th")).stream()
                .mapToInt(th -> th.getSize().getHeight()).max().orElseThrow()).as("header height at 390 px").isLessThan(60));
        photograph("van-thu-so-diem");
        for (String beside : List.of("/nhan-xet", "/ki-xac-nhan")) {
            browser.get(url(sheet.page(2).replace("/diem", beside)));
            assertThat(browser.findElements(By.cssSelector("ul.tabs a")).stream().map(WebElement::getText)).as(beside)
                    .contains("Sổ điểm").doesNotContain("Nhập điểm", "Nhập từ Excel", "Đề nghị sửa điểm");
        }

        browser.manage().deleteAllCookies();
        logIn(sheet.teacher());
        browser.get(url(sheet.page(2)));
        assertThat(browser.findElements(By.id("chi-xem"))).as("the teacher of the subject").isEmpty();
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Gõ điểm 0–10");
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Nhập điểm Giáo dục công dân — lớp 6A2");
        assertThat(browser.findElements(By.cssSelector("ul.tabs a")).stream().map(WebElement::getText))
                .contains("Nhập điểm", "Nhập từ Excel", "Đề nghị sửa điểm");
    }

    @Test
    void aCoTeachersColumnsAreReadOnlyLabelledWithTheOwnerAndRefusedByTheServer() {
        Sheet sheet = sheet("7A2", "LS_DL");
        logIn("gv11");
        browser.get(url(sheet.page(1)));
        long student = studentIds().get(0);
        WebElement geography = cell(student, "REGULAR-3");
        assertThat(geography.getAttribute("readonly")).isNotNull();
        String owner = jdbc.sql("select s.full_name from staff s join account a on a.staff_id = s.id where a.username = 'gv12'")
                .query(String.class).single();
        assertThat(browser.findElement(By.cssSelector("#grid thead")).getText()).contains(owner + " nhập");
        // On a phone the co-teacher's name stays on one line under the header, not one word per line.
        onAPhone(() -> {
            WebElement label = browser.findElement(By.cssSelector("#grid thead small.owner"));
            double lineHeight = Double.parseDouble(((String) ((JavascriptExecutor) browser).executeScript(
                    "return getComputedStyle(arguments[0]).fontSize;", label)).replace("px", "")) * 1.6;
            assertThat((double) label.getSize().getHeight()).as("owner label height at 390 px").isLessThan(lineHeight);
        });
        assertThat(cell(student, "REGULAR-1").getAttribute("readonly")).isNull();
        BigDecimal before = stored(sheet, 1, student, "REGULAR", 3);
        geography.click();
        geography.sendKeys("2", Keys.ENTER);
        assertThat(geography.getAttribute("value")).isEqualTo(MarkPages.shown(before));
        // Sent anyway (a hand-made request from the page's session): refused by the server, 403 naming the rule.
        Object status = ((JavascriptExecutor) browser).executeAsyncScript("""
                var done = arguments[arguments.length - 1]; var g = document.getElementById('grid');
                var h = {'Content-Type': 'application/json'}; h[g.dataset.csrfHeader] = g.dataset.csrf;
                fetch(g.dataset.save, {method: 'POST', headers: h, body: JSON.stringify({studentId: arguments[0],
                  kind: 'REGULAR', column: 3, value: '2', version: null})}).then(r => r.json().then(j => done(r.status + ' ' + j.message)));
                """, student);
        assertThat(status.toString()).startsWith("403").contains("cột 1–2");
        assertThat(stored(sheet, 1, student, "REGULAR", 3)).isEqualByComparingTo(before);
    }

    @Test
    void aLockedSheetIsGreyedNamesWhoLockedAndLeadsToACorrectionRequest() {
        Sheet sheet = sheet("6A2", "TOAN");
        HttpUser principal = new HttpUser(port);
        String token = principal.token("hieutruong", PASSWORD);
        var lock = principal.send(principal.json("POST", "/api/locks", "{\"term\":1,\"classId\":" + sheet.classId()
                + ",\"subjectId\":" + sheet.subjectId() + ",\"reason\":\"Chốt điểm học kì I\"}")
                .header("Authorization", "Bearer " + token));
        assertThat(lock.statusCode()).isEqualTo(201);

        logIn(sheet.teacher());
        browser.get(url(sheet.page(1)));
        long student = studentIds().get(1);
        assertThat(browser.findElement(By.id("lock")).getText()).contains("Lê Văn Triển").contains("Chốt điểm học kì I");
        WebElement cell = cell(student, "FINAL-1");
        assertThat(cell.getAttribute("readonly")).isNotNull();
        assertThat(cell.findElement(By.xpath("..")).getAttribute("class")).contains("ro");
        photograph("gvbm-nhap-diem-khoa");
        String old = cell.getAttribute("value");
        cell.click();
        browser.findElement(By.id("request-correction")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/de-nghi-sua-diem/moi"));
        assertThat(browser.findElement(By.id("current")).getText()).isEqualTo("Điểm hiện tại: " + old);
        String newValue = old.equals("7") ? "8" : "7";
        browser.findElement(By.id("diemMoi")).sendKeys(newValue);
        browser.findElement(By.id("liDo")).sendKeys("Cộng nhầm điểm bài kiểm tra cuối kì");
        browser.findElement(By.id("minhChung")).sendKeys("Bài làm gốc, tổ Toán giữ");
        browser.findElement(By.id("send")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().endsWith("/de-nghi-sua-diem"));
        assertThat(browser.findElement(By.id("requests")).getText()).contains("Chờ GVCN xác nhận");

        Map<String, Object> stored = jdbc.sql("select new_value, old_value, status, reason, evidence_name, requested_by from "
                + "correction_request where class_id = ? and subject_id = ? and student_id = ?")
                .params(sheet.classId(), sheet.subjectId(), student).query().singleRow();
        assertThat(stored).containsEntry("status", "REQUESTED").containsEntry("requested_by", sheet.teacher())
                .containsEntry("reason", "Cộng nhầm điểm bài kiểm tra cuối kì").containsEntry("evidence_name", "Bài làm gốc, tổ Toán giữ");
        assertThat(new BigDecimal((String) stored.get("new_value"))).isEqualByComparingTo(newValue);
        assertThat(new BigDecimal((String) stored.get("old_value"))).isEqualByComparingTo(old.replace(',', '.'));
    }

    record Sheet(long classId, long subjectId, String teacher) {

        String page(int term) {
            return "/lop/" + classId + "/mon/" + subjectId + "/hoc-ki/" + term + "/diem";
        }
    }

    private Sheet sheet(String classCode, String subjectCode) {
        long classId = jdbc.sql("select id from school_class where code = ?").param(classCode).query(Long.class).single();
        long subjectId = jdbc.sql("select id from subject where code = ?").param(subjectCode).query(Long.class).single();
        String teacher = jdbc.sql("select a.username from teaching_assignment t join account a on a.staff_id = t.staff_id "
                + "where t.class_id = ? and t.subject_id = ? order by t.first_column nulls first, a.username")
                .params(classId, subjectId).query(String.class).list().get(0);
        return new Sheet(classId, subjectId, teacher);
    }

    private BigDecimal stored(Sheet sheet, int term, long student, String kind, int column) {
        return jdbc.sql("select score from mark where class_id = ? and subject_id = ? and student_id = ? and term = ? "
                + "and kind = ? and column_no = ?").params(sheet.classId(), sheet.subjectId(), student, term, kind, column)
                .query(BigDecimal.class).optional().orElse(null);
    }

    private String storedStanding(Sheet sheet, int term, long student) {
        String code = jdbc.sql("select code from student where id = ?").param(student).query(String.class).single();
        String subject = jdbc.sql("select code from subject where id = ?").param(sheet.subjectId()).query(String.class).single();
        String part = jdbc.sql("select results from class_results_subject where class_id = ? and subject = ?")
                .params(sheet.classId(), subject).query(String.class).single();
        return MarkPages.termValue(part, code, "HK" + term);
    }

    private long audited(String action, String user, String target) {
        return jdbc.sql("select count(*) from audit_entry where action = ? and actor = ? and target like ?")
                .params(action, user, target)
                .query(Long.class).single();
    }

    private List<Long> studentIds() {
        return browser.findElements(By.cssSelector("#grid tbody tr")).stream()
                .map(r -> Long.parseLong(r.getAttribute("data-student"))).toList();
    }

    private WebElement cell(long student, String key) {
        return browser.findElement(By.id("o-" + student + "-" + key));
    }

    private WebElement active() {
        return browser.switchTo().activeElement();
    }

    /** Waits until the cell's save has answered (60 s: the shared machine is slow), then checks it ended in {@code state}. */
    private void waitForState(long student, String key, String state) {
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> {
            String classes = cell(student, key).findElement(By.xpath("..")).getAttribute("class");
            return classes.contains(state) || classes.contains("refused") || classes.contains("saved");
        });
        WebElement input = cell(student, key);
        assertThat(input.findElement(By.xpath("..")).getAttribute("class")).as("cell %s of student %d: %s", key, student,
                input.getAttribute("title")).contains(state);
    }

    /**
     * The page as it is now (a dialog open, a column locked) at 1280 and 390 px: no WCAG A/AA violation found by
     * axe-core, and a screenshot into the screenshots folder (docs/screens with -Pscreens).
     */
    private void photograph(String name) {
        ChromeDriver chrome = (ChromeDriver) browser;
        try {
            for (int width : new int[] {1280, 390}) {
                chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                        "height", width == 390 ? 844 : 900, "deviceScaleFactor", 1, "mobile", width == 390));
                vn.hocba.web.BrowserSession.around(chrome, port).assertAccessible(name + " at " + width + " px");
                Path dir = vn.hocba.web.BrowserSession.screensFolder();
                java.nio.file.Files.createDirectories(dir);
                java.nio.file.Files.write(dir.resolve(name + "-" + width + ".png"), chrome.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /** {@code check} with the page at 390 × 844 px, as a phone shows it. */
    private void onAPhone(Runnable check) {
        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
                "deviceScaleFactor", 1, "mobile", true));
        try {
            check.run();
        } finally {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private void logIn(String user) {
        MarkPages.logIn(browser, url("/"), user, PASSWORD);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
