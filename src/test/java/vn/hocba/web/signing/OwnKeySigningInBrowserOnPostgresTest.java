package vn.hocba.web.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.hocba.agent.AgentFixture;
import vn.hocba.audit.Actor;
import vn.hocba.cli.DemoCloseClassCommand;
import vn.hocba.documents.YearClosing;
import vn.hocba.documents.YearCompletion;
import vn.hocba.gradebook.ClassResultsStore;
import vn.hocba.gradebook.GradebookLocks;
import vn.hocba.gradebook.closing.SummerWork;
import vn.hocba.gradebook.closing.YearEnd;
import vn.hocba.gradebook.interchange.GradebookBulkLoad;
import vn.hocba.pades.SoftHsmToken;
import vn.hocba.pades.devpki.DevelopmentPki;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.StaffId;
import vn.hocba.students.StudentRegistry;
import vn.hocba.support.ApiClient.Reply;
import vn.hocba.support.EmbeddedPostgresDatabases;
import vn.hocba.support.TemporaryDataDirectory;
import vn.hocba.signing.device.RemoteSigningDouble;
import vn.hocba.signing.device.RemoteSigningDouble.Behaviour;
import vn.hocba.web.BrowserSession;
import vn.hocba.web.signing.SigningPage.Outcome;
import vn.hocba.workflow.ClassDocumentsModel;
import vn.hocba.workflow.ClassDocumentsWorkflow;
import vn.hocba.workflow.ExportPackages;
import vn.hocba.workflow.bench.HttpApi;

/**
 * Issue 16 in Chromium on real PostgreSQL: a small class (6A1 cut to {@value #STUDENTS} students) is
 * signed on the people's own keys through "Ký số" ({@code /ki-so}, {@code ki-so.js}) and the local
 * signing agent, which the test runs as a separate process ({@code HocBaApplication agent}, a child JVM)
 * on a SoftHSM2 token the test fills with each person's key and development-PKI certificate. Every
 * subject teacher of the class (its teaching assignments) signs each of their sheets in the browser through
 * the agent, co-teachers one after another; the homeroom teacher and the principal the transcripts; the
 * seal signs on the server; every signature of the exported package is TOTAL_PASSED at PAdES-BASELINE-LTA
 * and the people's signatures are made with the keys on the token. A certificate that is not the person's, a
 * wrong PIN and the agent stopped halfway each show their own Vietnamese message and sign nothing;
 * then the batch is signed once (counted in {@code document_signature}). Orders 11-14: the same journey
 * on the phone (remote signing double) on a second class of {@value #SECOND_CLASS_STUDENTS} students brought
 * to "waiting for signatures" by {@code demo-close-class}: refusal and expiry write nothing, approvals sign. There
 * the teachers of one co-taught subject approve their sheets from the page; the other sheets are sent to the phone
 * through the same API the page's script calls, so that every signature of that class is still a phone's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OwnKeySigningInBrowserOnPostgresTest {

    static final int STUDENTS = 3;
    /** Students left in the second class, signed on the phone (remote signing double). */
    static final int SECOND_CLASS_STUDENTS = 2;
    private static Path dataDir;
    private static int agentPort;
    private static RemoteSigningDouble phone;
    static final String TAX_CODE = "0101234567";
    static final String PHONE_APP = "SmartCA (thử)";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        EmbeddedPostgresDatabases.register(registry, "own_key_browser");
        dataDir = TemporaryDataDirectory.register(registry, "hocba-own-key-browser");
        try (ServerSocket socket = new ServerSocket(0)) {
            agentPort = socket.getLocalPort();
        }
        registry.add("hocba.own-keys.agent-port", () -> agentPort);
        registry.add("hocba.own-keys.device-timeout", () -> "PT2M");
        registry.add("hocba.own-keys.school-tax-code", () -> TAX_CODE);
        // The remote signing service (its test double, in-process over HTTP); the secret only as an "environment" value.
        phone = new RemoteSigningDouble(null, Duration.ofSeconds(3), Duration.ofSeconds(6));
        registry.add("hocba.own-keys.remote-providers[0].name", () -> "smartca-thu");
        registry.add("hocba.own-keys.remote-providers[0].display-name", () -> PHONE_APP);
        registry.add("hocba.own-keys.remote-providers[0].base-url", () -> phone.base().toString());
        registry.add("hocba.own-keys.remote-providers[0].client-id", () -> "hocba");
        registry.add("hocba.own-keys.remote-providers[0].client-secret-variable", () -> "HOCBA_TEST_REMOTE_SECRET");
        registry.add("HOCBA_TEST_REMOTE_SECRET", () -> "secret-from-env");
        registry.add("hocba.own-keys.remote-poll-every", () -> "PT0.3S");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    SchoolDirectory directory;
    @Autowired
    StudentRegistry registry;
    @Autowired
    GradebookBulkLoad load;
    @Autowired
    ClassResultsStore results;
    @Autowired
    GradebookLocks locks;
    @Autowired
    YearEnd yearEnd;
    @Autowired
    SummerWork summer;
    @Autowired
    ClassDocumentsWorkflow workflow;
    @Autowired
    DevelopmentPki pki;

    BrowserSession browser;
    SigningPage page;
    AgentProcess agent;
    SchoolClass schoolClass;
    long classId;
    String homeroom;
    String instance;
    String remoteTeacher;
    Path answers;
    Path pkiDir;
    final Map<String, X509Certificate> certificates = new LinkedHashMap<>();
    /** A second certificate of the remote-signing teacher, on the token, registered and removed on "Chứng thư số". */
    X509Certificate registeredOnThePage;
    RemoteSigningDouble.Key principalRemote;
    @Autowired
    vn.hocba.signing.device.RemoteSigningAccounts remoteAccounts;
    @Autowired
    org.springframework.context.ApplicationContext context;
    /** The second class, signed on the phone; its process; its homeroom teacher; each person's key at the service. */
    SchoolClass second;
    String secondInstance;
    String secondHomeroom;
    final Map<String, RemoteSigningDouble.Key> phoneKeys = new LinkedHashMap<>();
    RemoteSigningDouble.Key someoneElse;

    @BeforeAll
    void aSmallClosedClassAndATokenWithEveryonesKey() throws Exception {
        schoolClass = directory.classByCode(directory.activeYear(directory.schools().get(0).id()).orElseThrow().id(), "6A1")
                .orElseThrow();
        classId = schoolClass.id().value();
        jdbc.sql("delete from enrolment where class_id = ? and number_in_class > ?").params(classId, STUDENTS).update();
        assertThat(registry.roster(schoolClass.id())).hasSize(STUDENTS);
        new YearCompletion(directory, registry, load, results).completeTermTwo(schoolClass);
        new YearClosing(directory, registry, locks, yearEnd, summer, load, results).close(schoolClass);
        homeroom = directory.homeroomOf(schoolClass.id()).orElseThrow().teacher().code().toLowerCase();
        instance = workflow.start(schoolClass, new Actor("hieutruong", "PRINCIPAL", null));
        runAllJobs();

        pkiDir = dataDir.resolve("pki");
        // every teacher of the class (from its teaching assignments) gets a key on the token
        List<String> people = new ArrayList<>(List.of(homeroom, "hieutruong"));
        teachersOf(schoolClass).stream().filter(u -> !people.contains(u)).forEach(people::add);
        remoteTeacher = people.stream().filter(u -> !u.equals(homeroom) && !u.equals("hieutruong")).findFirst().orElseThrow();
        long keys = System.nanoTime();
        for (String username : people) {
            if (!certificates.containsKey(username)) {
                certificates.put(username, AgentFixture.keyOnToken(pki, pkiDir, name(username), "own-key-browser-" + username));
            }
        }
        // a second certificate of the remote-signing teacher (pki.issue would give the same one again), on the token
        registeredOnThePage = AgentFixture.onToken(pkiDir, pki.issueUnusual(name(remoteTeacher),
                java.time.Instant.now().minus(Duration.ofDays(1)), java.time.Instant.now().plus(Duration.ofDays(365)),
                org.bouncycastle.asn1.x509.KeyUsage.digitalSignature | org.bouncycastle.asn1.x509.KeyUsage.nonRepudiation)
                .certificate(), "own-key-browser-page-" + remoteTeacher);
        System.out.printf("OwnKeySigningInBrowser: %d people's keys put on the token in %d ms%n", people.size(),
                (System.nanoTime() - keys) / 1_000_000);
        principalRemote = RemoteSigningDouble.issue(pki, pkiDir, name("hieutruong"));
        phone.user("ht-tu-choi", principalRemote, Behaviour.REFUSE);
        phone.user("ht-quen", principalRemote, Behaviour.EXPIRE);
        someoneElse = RemoteSigningDouble.issue(pki, pkiDir, "Đỗ Văn Khác");
        phone.userSigningWith("ht-khac", principalRemote, someoneElse);
        answers = dataDir.resolve("agent-answers.txt");
        answer(SoftHsmToken.PIN, true);
        browser = BrowserSession.start(port);
        page = new SigningPage(browser);
    }

    @AfterAll
    void stop() {
        phone.close();
        if (agent != null) {
            agent.close();
        }
        if (browser != null) {
            browser.close();
        }
        TemporaryDataDirectory.delete(dataDir);
    }

    @Test
    @Order(1)
    void withoutTheAgentThePageSaysHowToInstallItThenPairsWithTheCodeTypedAtTheAgent() throws Exception {
        page.logIn(homeroom);
        browser.open("/ki-so?buoc=HOMEROOM&lop=" + classId);
        page.await(() -> browser.find("#agent-missing").isDisplayed());
        assertThat(browser.text("#status")).isEqualTo("Chưa thấy phần mềm ký số HocBa trên máy này (hoặc phần mềm chưa chạy).");
        assertThat(browser.find("#agent-missing a").getAttribute("href")).endsWith("/ki-so/hocba.jar");
        browser.checkPage("ki-so-chua-co-phan-mem");

        agent = AgentProcess.start(agentPort, SoftHsmToken.module(), dataDir.resolve("agent"), answers);
        browser.find("#retry").click();
        page.await(() -> browser.find("#pairing").isDisplayed());
        browser.checkPage("ki-so-ghep-noi");
        browser.find("#pair").click();
        page.await(() -> browser.text("#pairing-code").matches("\\d{6}"));
        String code = browser.text("#pairing-code");
        Files.writeString(answers, "pairing=" + code + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        page.await(() -> browser.find("#certificates").isDisplayed());
        assertThat(browser.find("#pairing-code").getAttribute("textContent")).as("the code is shown once").isEqualTo("—");
        assertThat(Files.readString(dataDir.resolve("agent").resolve("paired-origins.txt")))
                .contains("http://localhost:" + port);
    }

    @Test
    @Order(2)
    void everySubjectTeacherSignsEachOfTheirSheetsOnTheirOwnToken() {
        // Task_SignSubjectSheets runs per subject, its co-teachers one after another: sign while a sheet task is open
        long started = System.nanoTime();
        int sheets = 0;
        for (Task task = sheetTask(instance); task != null; task = sheetTask(instance)) {
            String teacher = task.getAssignee();
            long before = sheetSignatures(classId, name(teacher));
            // the first teacher goes the way people do: from their task on "Việc cần làm" to the signing page
            SigningPage opened = sheets == 0 ? page.openFromTasks(teacher, "SUBJECT_SHEET", classId)
                    : page.open(teacher, "SUBJECT_SHEET", classId);
            Outcome outcome = opened.readTokenAndPick(name(teacher)).sign();
            assertThat(outcome.error()).as(teacher + ": " + outcome.message()).isFalse();
            assertThat(outcome.message()).matches("Đã ký (\\d+)/\\1 văn bản\\.");
            assertThat(sheetSignatures(classId, name(teacher))).as(teacher + ": " + outcome.message()).isGreaterThan(before);
            assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the sheet task of " + teacher + " is done")
                    .isZero();
            if (sheets++ == 0) {
                browser.checkPage("ki-so-mon-hoc-da-ky");
            }
            runAllJobs(instance);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("OwnKeySigningInBrowser: %d subject sheets signed through the agent in %d ms (%d ms a sheet)%n",
                sheets, millis, millis / Math.max(1, sheets));
        assertThat(sheets).as("at least one sheet per subject").isGreaterThanOrEqualTo(
                ExportPackages.teachersBySubject(directory, schoolClass.id()).size());
        assertThat(jdbc.sql("select count(distinct signer) from document_signature where class_id = ? and stage like ?")
                .params(classId, "SUBJECT_TEACHER%").query(Long.class).single()).isEqualTo(teachersOf(schoolClass).size());
        assertThat(tasks.createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey(ClassDocumentsModel.TASK_HOMEROOM_SIGNS).count()).isOne();
    }

    @Test
    @Order(3)
    void theHomeroomTeacherPickingThePrincipalsCertificateIsRefusedAndNothingIsSigned() {
        Outcome outcome = page.open(homeroom, "HOMEROOM", classId).readTokenAndPick(name("hieutruong")).sign();
        assertThat(outcome.error()).isTrue();
        assertThat(outcome.message()).contains("không phải tên trong hồ sơ cán bộ của tài khoản " + homeroom)
                .contains(name("hieutruong"));
        assertThat(signatures("HOMEROOM_TEACHER", null)).isZero();
        browser.checkPage("ki-so-sai-chung-thu");
    }

    @Test
    @Order(4)
    void aWrongPinTypedAtTheAgentSignsNothing() throws Exception {
        page.open(homeroom, "HOMEROOM", classId).readTokenAndPick(name(homeroom));
        answer("000000", true);
        Outcome outcome = page.sign();
        assertThat(outcome.error()).isTrue();
        assertThat(outcome.message()).isEqualTo("Mã PIN của thiết bị ký không đúng. Không văn bản nào được ký; hãy ký lại "
                + "và nhập đúng mã PIN (nhập sai nhiều lần sẽ khóa thiết bị).");
        assertThat(signatures("HOMEROOM_TEACHER", null)).isZero();
        assertNoSignedFile("2-gvcn.pdf");
    }

    @Test
    @Order(5)
    void theAgentStoppedWhileAskingThePersonSignsNothingAndTheRestartedAgentSignsTheBatchOnce() throws Exception {
        answer(SoftHsmToken.PIN, null); // the person has not confirmed yet when the agent goes away
        page.open(homeroom, "HOMEROOM", classId).readTokenAndPick(name(homeroom)).signUntilTheAgentAsks();
        Thread.sleep(500);
        agent.stop();
        Outcome stopped = page.awaitEnd();
        assertThat(stopped.error()).isTrue();
        assertThat(stopped.message()).isEqualTo("Phần mềm ký số trên máy đã ngừng giữa chừng (hoặc thiết bị ký bị rút ra). "
                + "Không văn bản nào được ký; hãy mở lại phần mềm ký số, cắm thiết bị ký và ký lại.");
        assertThat(signatures("HOMEROOM_TEACHER", null)).isZero();
        assertNoSignedFile("2-gvcn.pdf");
        browser.checkPage("ki-so-phan-mem-ngung");

        answer(SoftHsmToken.PIN, true);
        agent = AgentProcess.start(agentPort, SoftHsmToken.module(), dataDir.resolve("agent"), answers);
        Outcome done = page.readTokenAndPick(name(homeroom)).sign();
        int batch = 2 * STUDENTS + 1; // transcripts, report cards, the class gradebook
        assertThat(done.error()).as(done.message()).isFalse();
        assertThat(done.message()).isEqualTo("Đã ký " + batch + "/" + batch + " văn bản.");
        assertThat(signatures("HOMEROOM_TEACHER", name(homeroom))).isEqualTo(batch);
        assertThat(distinctDocuments("HOMEROOM_TEACHER")).isEqualTo(batch);
    }

    @Test
    @Order(6)
    void onThePhoneARefusalAndAnExpiredRequestEachSayWhatHappenedAndSignNothing() throws Exception {
        setRemoteAccount("hieutruong", "ht-tu-choi");
        Outcome refused = signRemotely();
        assertThat(refused.error()).isTrue();
        assertThat(refused.message()).isEqualTo("Bạn đã từ chối yêu cầu ký trên ứng dụng " + PHONE_APP
                + ". Không văn bản nào được ký.");
        assertThat(signatures("PRINCIPAL", null)).isZero();

        setRemoteAccount("hieutruong", "ht-quen");
        Outcome expired = signRemotely();
        assertThat(expired.error()).isTrue();
        assertThat(expired.message()).isEqualTo("Yêu cầu ký đã hết hạn mà chưa được xác nhận trên ứng dụng " + PHONE_APP
                + ". Không văn bản nào được ký; hãy ký lại và xác nhận trên điện thoại trước khi hết thời gian.");
        assertThat(signatures("PRINCIPAL", null)).isZero();

        // the phone approves, but the values come signed with a certificate that is not the registered one
        setRemoteAccount("hieutruong", "ht-khac");
        Outcome wrong = signRemotely();
        assertThat(wrong.error()).isTrue();
        assertThat(wrong.message()).isEqualTo("Dịch vụ " + PHONE_APP + " đã ký bằng chứng thư số «Đỗ Văn Khác» (số sê-ri "
                + someoneElse.certificate().getSerialNumber().toString(16) + "), không phải chứng thư số đã đăng ký của bạn. "
                + "Không văn bản nào được ký.");
        assertThat(signatures("PRINCIPAL", null)).isZero();

        // the service now holds another certificate (renewed at the provider) than the one registered: refused before sending
        java.time.Instant now = java.time.Instant.now();
        RemoteSigningDouble.Key renewed = new RemoteSigningDouble.Key(null, pki.issueUnusual(name("hieutruong"),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)),
                org.bouncycastle.asn1.x509.KeyUsage.digitalSignature | org.bouncycastle.asn1.x509.KeyUsage.nonRepudiation)
                .certificate()); // no key needed: nothing may be sent to the phone
        phone.user("ht-khac", renewed, Behaviour.REFUSE);
        Outcome notRegistered = signRemotely();
        assertThat(notRegistered.error()).isTrue();
        assertThat(notRegistered.message()).isEqualTo("Dịch vụ " + PHONE_APP + " hiện giữ cho tài khoản «ht-khac» chứng thư số «"
                + name("hieutruong") + "» (số sê-ri " + renewed.certificate().getSerialNumber().toString(16) + "), không phải "
                + "chứng thư số đã đăng ký của bạn (chứng thư được gia hạn hoặc đã bị gỡ?). Không văn bản nào được ký; hãy "
                + "khai báo lại tài khoản ký từ xa ở trang «Chứng thư số của tôi».");
        assertThat(signatures("PRINCIPAL", null)).isZero();
        assertNoSignedFile("3-hieu-truong.pdf");
    }

    @Test
    @Order(7)
    void theSealCertificateMustBeAnOrganisationCertificateOfThisSchool() throws Exception {
        page.logIn("hieutruong");
        browser.open("/chung-thu-so");
        uploadSeal(certificates.get("hieutruong"));
        assertThat(browser.text("#error")).contains("không phải chứng thư số của tổ chức (không có «MST:» trong chủ thể)");
        uploadSeal(pki.organisation("Trường THCS Khác MST:0109999999").certificate());
        assertThat(browser.text("#error")).contains("là của tổ chức có mã số thuế 0109999999, không phải của trường ("
                + TAX_CODE + ")");
        assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("#seal li"))).isEmpty();
        uploadSeal(pki.organisation("Trường THCS HocBa MST:" + TAX_CODE).certificate());
        assertThat(browser.text("#saved")).startsWith("Đã đăng ký chứng thư số con dấu");
        assertThat(browser.text("#seal li")).contains("MST:" + TAX_CODE);
        browser.checkPage("chung-thu-so-con-dau");
        assertThat(jdbc.sql("select count(*) from signing_certificate where username = 'school-seal'").query(Long.class)
                .single()).isOne();
    }

    @Test
    @Order(8)
    void thePrincipalSignsTheClassOnTheirToken() {
        Outcome done = page.open("hieutruong", "PRINCIPAL", classId).readTokenAndPick(name("hieutruong")).sign();
        assertThat(done.error()).as(done.message()).isFalse();
        assertThat(done.message()).isEqualTo("Đã ký " + (STUDENTS + 1) + "/" + (STUDENTS + 1) + " văn bản.");
        assertThat(signatures("PRINCIPAL", name("hieutruong"))).isEqualTo(STUDENTS + 1);
        assertThat(distinctDocuments("PRINCIPAL")).isEqualTo(STUDENTS + 1);
        browser.checkPage("ki-so-da-ky");
    }

    @Test
    @Order(9)
    void theSealSignsOnTheServerAndEverySignatureOfThePackageIsTotalPassedAtLtaWithThePeoplesTokenKeys() throws Exception {
        runAllJobs();
        Map<String, byte[]> entries = ExportPackages.unzip(Files.readAllBytes(workflow.exportPackage(schoolClass)));
        Map<String, List<String>> teachers = ExportPackages.teachersBySubject(directory, schoolClass.id());
        ExportPackages.assertEverySignatureTotalPassedAtLta(entries, teachers, STUDENTS, pkiDir);
        Map<String, BigInteger> tokenSerials = new LinkedHashMap<>();
        certificates.forEach((username, certificate) -> tokenSerials.put(name(username), certificate.getSerialNumber()));
        int sheets = 0;
        for (var entry : entries.entrySet()) {
            List<BigInteger> signers = signerSerials(entry.getValue(), entry.getKey());
            if (entry.getKey().startsWith("pdf/KQ-")) {
                // each subject sheet carries the token certificate of each of its teachers, and nothing else
                List<BigInteger> expected = teachers.get(subjectOf(entry.getKey())).stream().map(tokenSerials::get).toList();
                assertThat(expected).as(entry.getKey()).doesNotContainNull();
                assertThat(signers).as(entry.getKey()).containsExactlyInAnyOrderElementsOf(expected);
                sheets++;
            } else if (entry.getKey().startsWith("pdf/HB-") || entry.getKey().startsWith("pdf/SO-")) {
                assertThat(signers).as(entry.getKey()).contains(certificates.get(homeroom).getSerialNumber(),
                        certificates.get("hieutruong").getSerialNumber());
            } else if (entry.getKey().startsWith("pdf/LL-")) {
                assertThat(signers).as(entry.getKey()).containsExactly(certificates.get(homeroom).getSerialNumber());
            }
        }
        assertThat(sheets).isEqualTo(teachers.size());
    }

    /** {@code pdf/KQ-DEMO01-2025-2026-6A1-CN-LS_DL-v1.pdf} → {@code LS_DL}. */
    private static String subjectOf(String entry) {
        return entry.replaceFirst("\\.pdf$", "").replaceFirst("^pdf/KQ-.*-CN-", "").replaceFirst("-v\\d+$", "");
    }

    @Test
    @Order(10)
    void aCertificateRegisteredFromTheAgentOnTheRegistryPageThenRemovedThereCanNoLongerSign() {
        String teacher = remoteTeacher;
        page.logIn(teacher);
        browser.open("/chung-thu-so");
        browser.find("#read-agent").click(); // the script asks the agent; the PIN is typed there
        page.await(() -> browser.text("#agent-status").startsWith("Chọn chứng thư số"));
        WebElement listed = browser.driver().findElements(By.cssSelector("#agent-certificates li")).stream()
                .filter(li -> li.getText().startsWith("Tên: " + name(teacher) + ";"))
                .filter(li -> li.getText().contains("Chức danh: Thử nghiệm")).findFirst().orElseThrow();
        assertThat(listed.getText()).contains("Chức danh: Thử nghiệm").doesNotContain("2.5.4.12");
        long audited = audit("CERTIFICATE_REGISTERED");
        listed.findElement(By.tagName("button")).click(); // registers, then the script reloads the page
        String serial = registeredOnThePage.getSerialNumber().toString(16);
        page.await(() -> rowsWithSerial(serial) == 1);
        WebElement row = row(serial);
        assertThat(row.getText()).contains("Tên: " + name(teacher) + "; Chức danh: Thử nghiệm; Tổ chức: ")
                .contains("USB token (phần mềm ký số)").doesNotContain("#0c");
        assertThat(audit("CERTIFICATE_REGISTERED")).isEqualTo(audited + 1);
        browser.checkPage("chung-thu-so-tu-usb-token");

        browser.click(row.findElement(By.cssSelector("button[type=submit]")));
        assertThat(browser.text("#saved")).isEqualTo("Đã gỡ chứng thư số; các lần ký sau bằng chứng thư này sẽ bị từ chối.");
        assertThat(rowsWithSerial(serial)).isZero();
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'CERTIFICATE_REMOVED' and actor = ?")
                .param(teacher).query(Long.class).single()).isOne();

        long before = signatures("SUBJECT_TEACHER", name(teacher));
        Outcome refused = page.open(teacher, "SUBJECT_SHEET", classId).readTokenAndPick(name(teacher), "Thử nghiệm").sign();
        assertThat(refused.error()).isTrue();
        assertThat(refused.message()).startsWith("Chứng thư số «" + name(teacher) + "» (số sê-ri " + serial + ") đã bị gỡ ngày ")
                .contains("(tài khoản " + teacher + " gỡ); chứng thư đã gỡ không đăng ký lại để ký được.");
        assertThat(signatures("SUBJECT_TEACHER", name(teacher))).isEqualTo(before);
        assertThat(rowsWithSerialInDatabase(serial)).as("registered once, removed, not again").isOne();
    }

    // ---- The same journey on the phone: a second small class, every person signs through the remote signing double ----

    @Test
    @Order(11)
    void onASecondClassEverySubjectTeacherApprovesTheirSheetOnThePhoneWithTheCountdownShown() throws Exception {
        long started = System.nanoTime();
        second = directory.classByCode(schoolClass.yearId(), "6A2").orElseThrow();
        jdbc.sql("delete from enrolment where class_id = ? and number_in_class > ?")
                .params(second.id().value(), SECOND_CLASS_STUDENTS).update();
        // what "java -jar hocba.jar demo-close-class 6A2" does, in this application: year closed, documents process started
        java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = new java.io.PrintStream(said, true, StandardCharsets.UTF_8);
        assertThat(DemoCloseClassCommand.close(context, "6A2", out, out)).as(said.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(said.toString(StandardCharsets.UTF_8)).startsWith("Lớp 6A2: đã nhập đủ điểm học kì II, chốt hai học kì")
                .contains("/ki-so?buoc=SUBJECT_SHEET&lop=" + second.id().value());
        secondHomeroom = directory.homeroomOf(second.id()).orElseThrow().teacher().code().toLowerCase();
        secondInstance = runtime.createProcessInstanceQuery().processInstanceBusinessKey("class-documents-" + second.id().value())
                .singleResult().getId();
        runAllJobs(secondInstance);
        assertThat(sheetTask(secondInstance)).as("the class waits for its subject teachers' signatures").isNotNull();
        List<String> teachers = teachersOf(second);
        // the teachers of one co-taught subject approve in Chromium (the first with the countdown looked at, 3 s); the
        // other sheets go to the same phone double through the API the page's script calls (1 s): every sheet of the
        // class is still signed on the phone, and Order 14 checks each sheet's phone certificates
        List<String> coTaught = ExportPackages.teachersBySubject(directory, second.id()).values().stream()
                .filter(names -> names.size() > 1).findFirst().orElseThrow(() -> new AssertionError("no co-taught subject in 6A2"));
        List<String> inTheBrowser = teachers.stream().filter(t -> coTaught.contains(name(t))).toList();
        String countdownTeacher = inTheBrowser.get(0);
        for (String teacher : teachers) {
            phoneKeys.put(teacher, RemoteSigningDouble.issue(pki, pkiDir, name(teacher)));
            phone.user("dt-" + teacher, phoneKeys.get(teacher), Behaviour.APPROVE,
                    teacher.equals(countdownTeacher) ? Duration.ofSeconds(3) : Duration.ofMillis(500));
        }
        System.out.printf("OwnKeySigningInBrowser: second class closed, process started, %d phone users in %d ms%n",
                teachers.size(), (System.nanoTime() - started) / 1_000_000);

        // the first teacher sets their account on "Chứng thư số"; the others' accounts are set the same way by the service
        setRemoteAccount(countdownTeacher, "dt-" + countdownTeacher);
        assertThat(browser.text("#certificates")).contains(name(countdownTeacher)).contains("Ký từ xa");
        browser.checkPage("chung-thu-so");
        for (String teacher : teachers) {
            if (!teacher.equals(countdownTeacher)) {
                remoteAccounts.set(teacher, "smartca-thu", "dt-" + teacher, new Actor(teacher, "SUBJECT_TEACHER", null));
            }
        }
        HttpApi api = new HttpApi(port);
        long signing = System.nanoTime();
        int sheets = 0;
        int browserSheets = 0;
        for (Task task = sheetTask(secondInstance); task != null; task = sheetTask(secondInstance)) {
            String teacher = task.getAssignee();
            long before = sheetSignatures(second.id().value(), name(teacher));
            String message;
            if (inTheBrowser.contains(teacher)) {
                page.open(teacher, "SUBJECT_SHEET", second.id().value());
                browser.find("#sign-remote").click();
                if (teacher.equals(countdownTeacher) && before == 0) {
                    page.await(() -> browser.find("#countdown").isDisplayed());
                    assertThat(browser.text("#countdown")).matches("0:0[0-6]");
                    // the sheet and, riding along in the same approval, the teacher's slot of each student's học bạ số record
                    assertThat(browser.text("#status")).startsWith("Mở ứng dụng ký số trên điện thoại và xác nhận ký "
                            + (1 + SECOND_CLASS_STUDENTS) + " văn bản");
                    browser.checkPage("ki-so-tu-xa-dem-nguoc");
                }
                Outcome approved = page.awaitEnd();
                assertThat(approved.error()).as(teacher + ": " + approved.message()).isFalse();
                message = approved.message();
                browserSheets++;
            } else {
                message = approveSheetOnThePhoneThroughTheApi(api, teacher, second.id().value());
            }
            assertThat(message).as(teacher).isEqualTo("Đã ký 1/1 văn bản.");
            assertThat(sheetSignatures(second.id().value(), name(teacher))).as(teacher).isEqualTo(before + 1);
            sheets++;
            runAllJobs(secondInstance);
        }
        assertThat(browserSheets).as("the co-taught subject's sheets, signed in the browser").isGreaterThanOrEqualTo(2);
        long millis = (System.nanoTime() - signing) / 1_000_000;
        System.out.printf("OwnKeySigningInBrowser: %d subject sheets of the second class approved on the phone in %d ms "
                + "(%d ms a sheet)%n", sheets, millis, millis / Math.max(1, sheets));
        assertThat(sheets).isGreaterThanOrEqualTo(ExportPackages.teachersBySubject(directory, second.id()).size());
        assertThat(tasks.createTaskQuery().processInstanceId(secondInstance)
                .taskDefinitionKey(ClassDocumentsModel.TASK_HOMEROOM_SIGNS).count()).isOne();
    }

    @Test
    @Order(12)
    void onTheSecondClassTheHomeroomTeachersRefusalAndExpiryWriteNothingThenTheirApprovalSignsTheBatch() throws Exception {
        long secondId = second.id().value();
        RemoteSigningDouble.Key key = phoneKeys.computeIfAbsent(secondHomeroom, this::phoneKey);
        phone.user("gvcn-tu-choi", key, Behaviour.REFUSE);
        phone.user("gvcn-quen", key, Behaviour.EXPIRE);
        phone.user("gvcn-dong-y", key, Behaviour.APPROVE);
        Actor homeroomTeacher = new Actor(secondHomeroom, "HOMEROOM_TEACHER", null);

        remoteAccounts.set(secondHomeroom, "smartca-thu", "gvcn-tu-choi", homeroomTeacher);
        Outcome refused = signOnThePhone(secondHomeroom, "HOMEROOM", secondId);
        assertThat(refused.error()).isTrue();
        assertThat(refused.message()).isEqualTo("Bạn đã từ chối yêu cầu ký trên ứng dụng " + PHONE_APP
                + ". Không văn bản nào được ký.");
        assertThat(signatures(secondId, "HOMEROOM_TEACHER", null)).isZero();

        remoteAccounts.set(secondHomeroom, "smartca-thu", "gvcn-quen", homeroomTeacher);
        Outcome expired = signOnThePhone(secondHomeroom, "HOMEROOM", secondId);
        assertThat(expired.error()).isTrue();
        assertThat(expired.message()).isEqualTo("Yêu cầu ký đã hết hạn mà chưa được xác nhận trên ứng dụng " + PHONE_APP
                + ". Không văn bản nào được ký; hãy ký lại và xác nhận trên điện thoại trước khi hết thời gian.");
        assertThat(signatures(secondId, "HOMEROOM_TEACHER", null)).isZero();
        assertThat(tasks.createTaskQuery().processInstanceId(secondInstance)
                .taskDefinitionKey(ClassDocumentsModel.TASK_HOMEROOM_SIGNS).count()).as("still the homeroom step").isOne();

        remoteAccounts.set(secondHomeroom, "smartca-thu", "gvcn-dong-y", homeroomTeacher);
        page.open(secondHomeroom, "HOMEROOM", secondId);
        browser.find("#sign-remote").click();
        page.await(() -> browser.find("#countdown").isDisplayed());
        Outcome approved = page.awaitEnd();
        int batch = 2 * SECOND_CLASS_STUDENTS + 1; // transcripts, report cards, the class gradebook
        assertThat(approved.error()).as(approved.message()).isFalse();
        assertThat(approved.message()).isEqualTo("Đã ký " + batch + "/" + batch + " văn bản.");
        assertThat(signatures(secondId, "HOMEROOM_TEACHER", name(secondHomeroom))).isEqualTo(batch);
        assertThat(distinctDocuments(secondId, "HOMEROOM_TEACHER")).isEqualTo(batch);
    }

    @Test
    @Order(13)
    void onTheSecondClassThePrincipalApprovesOnThePhone() {
        long secondId = second.id().value();
        phone.user("ht-dong-y", principalRemote, Behaviour.APPROVE);
        remoteAccounts.set("hieutruong", "smartca-thu", "ht-dong-y", new Actor("hieutruong", "PRINCIPAL", null));
        Outcome approved = signOnThePhone("hieutruong", "PRINCIPAL", secondId);
        assertThat(approved.error()).as(approved.message()).isFalse();
        assertThat(approved.message()).isEqualTo("Đã ký " + (SECOND_CLASS_STUDENTS + 1) + "/" + (SECOND_CLASS_STUDENTS + 1)
                + " văn bản.");
        assertThat(signatures(secondId, "PRINCIPAL", name("hieutruong"))).isEqualTo(SECOND_CLASS_STUDENTS + 1);
        assertThat(distinctDocuments(secondId, "PRINCIPAL")).isEqualTo(SECOND_CLASS_STUDENTS + 1);
    }

    @Test
    @Order(14)
    void onTheSecondClassTheSealSignsOnTheServerAndEverySignatureIsTotalPassedAtLtaWithThePhoneCertificates()
            throws Exception {
        runAllJobs(secondInstance);
        Map<String, byte[]> entries = ExportPackages.unzip(Files.readAllBytes(workflow.exportPackage(second)));
        Map<String, List<String>> teachers = ExportPackages.teachersBySubject(directory, second.id());
        ExportPackages.assertEverySignatureTotalPassedAtLta(entries, teachers, SECOND_CLASS_STUDENTS, pkiDir);
        Map<String, BigInteger> phoneSerials = new LinkedHashMap<>();
        phoneKeys.forEach((username, key) -> phoneSerials.put(name(username), key.certificate().getSerialNumber()));
        for (var entry : entries.entrySet()) {
            List<BigInteger> signers = signerSerials(entry.getValue(), entry.getKey());
            if (entry.getKey().startsWith("pdf/KQ-")) {
                assertThat(signers).as(entry.getKey()).containsExactlyInAnyOrderElementsOf(
                        teachers.get(subjectOf(entry.getKey())).stream().map(phoneSerials::get).toList());
            } else if (entry.getKey().startsWith("pdf/HB-") || entry.getKey().startsWith("pdf/SO-")) {
                assertThat(signers).as(entry.getKey()).contains(phoneKeys.get(secondHomeroom).certificate().getSerialNumber(),
                        principalRemote.certificate().getSerialNumber());
            }
        }
    }

    /**
     * What the page's script does after "Ký từ xa" (POST /api/own-key-signing with REMOTE, then following the session
     * until it ends), over HTTP as {@code teacher} with a bearer token; the session's closing message.
     */
    private static String approveSheetOnThePhoneThroughTheApi(HttpApi api, String teacher, long inClass) throws Exception {
        Reply started = api.post(teacher, "/api/own-key-signing",
                "{\"step\":\"SUBJECT_SHEET\",\"classId\":" + inClass + ",\"method\":\"REMOTE\"}");
        assertThat(started.status()).as(teacher + ": " + started.body()).isEqualTo(201);
        String id = started.body().path("id").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (Reply session = started; ; session = api.get(teacher, "/api/own-key-signing/" + id)) {
            String state = session.body().path("state").asText();
            if (state.equals("DONE") || state.equals("FAILED")) {
                assertThat(state).as(teacher + ": " + session.body()).isEqualTo("DONE");
                return session.body().path("message").asText();
            }
            assertThat(System.nanoTime()).as(teacher + ": still " + session.body()).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private RemoteSigningDouble.Key phoneKey(String username) {
        try {
            return RemoteSigningDouble.issue(pki, pkiDir, name(username));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Outcome signOnThePhone(String username, String step, long inClass) {
        page.open(username, step, inClass);
        browser.find("#sign-remote").click();
        return page.awaitEnd();
    }

    private long audit(String action) {
        return jdbc.sql("select count(*) from audit_entry where action = ?").param(action).query(Long.class).single();
    }

    private long rowsWithSerial(String serial) {
        try {
            return browser.driver().findElements(By.cssSelector("#certificates tbody tr")).stream()
                    .filter(tr -> tr.getText().contains(serial)).count();
        } catch (org.openqa.selenium.WebDriverException reloading) {
            return -1;
        }
    }

    private WebElement row(String serial) {
        return browser.driver().findElements(By.cssSelector("#certificates tbody tr")).stream()
                .filter(tr -> tr.getText().contains(serial)).findFirst().orElseThrow();
    }

    private long rowsWithSerialInDatabase(String serial) {
        return jdbc.sql("select count(*) from signing_certificate where serial = ?").param(serial).query(Long.class).single();
    }

    /** The person's remote signing account, set on "Chứng thư số". */
    private void setRemoteAccount(String username, String userId) {
        page.logIn(username);
        browser.open("/chung-thu-so");
        new org.openqa.selenium.support.ui.Select(browser.find("#provider")).selectByVisibleText(PHONE_APP);
        browser.find("#userId").clear();
        browser.find("#userId").sendKeys(userId);
        browser.click(browser.find("#remote-account button[type=submit]"));
        assertThat(browser.text("#saved")).startsWith("Đã lưu tài khoản ký từ xa");
    }

    private Outcome signRemotely() {
        page.open("hieutruong", "PRINCIPAL", classId);
        browser.find("#sign-remote").click();
        return page.awaitEnd();
    }

    private void uploadSeal(X509Certificate certificate) throws Exception {
        Path file = Files.createTempFile(dataDir, "con-dau", ".cer");
        Files.write(file, certificate.getEncoded());
        browser.find("#seal-file").sendKeys(file.toAbsolutePath().toString());
        browser.click(browser.find("#seal button[type=submit]"));
    }

    private void answer(String pin, Boolean confirm) throws Exception {
        Files.writeString(answers, "pin=" + pin + "\n" + (confirm == null ? "" : "confirm=" + (confirm ? "yes" : "no") + "\n"),
                StandardCharsets.UTF_8);
    }

    private long signatures(String stage, String signer) {
        return signatures(classId, stage, signer);
    }

    private long signatures(long inClass, String stage, String signer) {
        return jdbc.sql("select count(*) from document_signature where class_id = ? and stage = ?"
                + (signer == null ? "" : " and signer = ?"))
                .params(signer == null ? List.of(inClass, stage) : List.of(inClass, stage, signer)).query(Long.class).single();
    }

    /** Subject sheet signatures of {@code signer} in the class, as first teacher ({@code SUBJECT_TEACHER}) or co-teacher ({@code SUBJECT_TEACHER_2}, …). */
    private long sheetSignatures(long inClass, String signer) {
        return jdbc.sql("select count(*) from document_signature where class_id = ? and stage like ? and signer = ?")
                .params(inClass, "SUBJECT_TEACHER%", signer).query(Long.class).single();
    }

    private long distinctDocuments(String stage) {
        return distinctDocuments(classId, stage);
    }

    private long distinctDocuments(long inClass, String stage) {
        return jdbc.sql("select count(distinct document_id) from document_signature where class_id = ? and stage = ?")
                .params(inClass, stage).query(Long.class).single();
    }

    /** The usernames of the teachers of {@code c} (its teaching assignments), each once. */
    private List<String> teachersOf(SchoolClass c) {
        return directory.teachingAssignmentsOfClass(c.id()).stream().map(a -> jdbc.sql(
                "select username from account where staff_id = ? order by username").param(a.teacher().id().value())
                .query(String.class).list().get(0)).distinct().toList();
    }

    private void assertNoSignedFile(String fileName) throws Exception {
        Path signed = dataDir.resolve("signed");
        if (!Files.exists(signed)) {
            return;
        }
        try (var files = Files.walk(signed)) {
            assertThat(files.filter(f -> f.getFileName().toString().equals(fileName)).toList()).isEmpty();
        }
    }

    private String name(String username) {
        long staff = jdbc.sql("select staff_id from account where username = ?").param(username).query(Long.class).single();
        return directory.staffMember(new StaffId(staff)).fullName();
    }

    private static List<BigInteger> signerSerials(byte[] pdf, String name) throws Exception {
        List<BigInteger> serials = new ArrayList<>();
        if (!name.endsWith(".pdf")) {
            return serials;
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDSignature signature : document.getSignatureDictionaries()) {
                if (!"ETSI.CAdES.detached".equals(signature.getSubFilter())) {
                    continue; // document timestamps
                }
                CMSSignedData cms = new CMSSignedData(new ByteArrayInputStream(signature.getContents()));
                for (SignerInformation signer : cms.getSignerInfos().getSigners()) {
                    serials.add(signer.getSID().getSerialNumber());
                }
            }
        }
        return serials;
    }

    /** An open subject sheet task of {@code process}, the logged-in person's first (one log-in for all their sheets). */
    private Task sheetTask(String process) {
        return tasks.createTaskQuery().processInstanceId(process).taskDefinitionKey(ClassDocumentsModel.TASK_SIGN_SUBJECT_SHEETS)
                .list().stream().min(java.util.Comparator.comparing(t -> !t.getAssignee().equals(page.user()))).orElse(null);
    }

    private void runAllJobs() {
        runAllJobs(instance);
    }

    private void runAllJobs(String process) {
        for (List<Job> jobs = pending(process); !jobs.isEmpty(); jobs = pending(process)) {
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
    }

    private List<Job> pending(String process) {
        return management.createJobQuery().processInstanceId(process).withRetriesLeft().list();
    }
}
