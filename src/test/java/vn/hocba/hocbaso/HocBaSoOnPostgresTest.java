package vn.hocba.hocbaso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Document;
import vn.hocba.audit.Actor;
import vn.hocba.pades.devpki.DevelopmentPki;
import vn.hocba.schoolyear.ClassId;
import vn.hocba.support.EmbeddedPostgresDatabases;
import vn.hocba.support.TemporaryDataDirectory;

/**
 * Học bạ số of the demo school on real PostgreSQL: identifiers and readiness, records built from the
 * stored class, and submission to the national store's test double over HTTP: accepted and rejected
 * records, a duplicate, a retry after the store was unavailable, a recall and a re-issue.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HocBaSoOnPostgresTest {

    static Path dataDir;
    static DevelopmentPki pki;
    static NationalStoreDouble store;
    static vn.hocba.web.BrowserSession browser;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws Exception {
        EmbeddedPostgresDatabases.register(registry, "hocbaso");
        dataDir = TemporaryDataDirectory.register(registry, "hocba-hocbaso-test");
        pki = DevelopmentPki.createFresh(Files.createTempDirectory("hocbaso-pki"));
        store = new NationalStoreDouble(pki.trustAnchors());
    }

    @TestConfiguration
    static class StoreDouble {
        @Bean
        NationalStore nationalStore() {
            return new HttpNationalStore(store.url(), NationalStoreDouble.USER, NationalStoreDouble.PASSWORD, Duration.ofSeconds(5));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        store.close();
        TemporaryDataDirectory.delete(dataDir);
    }

    @Autowired
    ClassRecordsService records;
    @Autowired
    StoreSubmissions submissions;
    @Autowired
    StudentIdentifiers identifiers;
    @Autowired
    JdbcClient jdbc;

    final Actor clerk = new Actor("vanthu", "CLERK", "127.0.0.1");

    @Autowired
    vn.hocba.audit.AuditLog audit;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    @Test
    @Order(0)
    void withoutAConfiguredStoreSendingIsRefusedSayingWhatToDoAndNothingIsRecorded() {
        StoreSubmissions nowhere = new StoreSubmissions(jdbc,
                new org.springframework.beans.factory.support.StaticListableBeanFactory().getBeanProvider(NationalStore.class),
                audit, java.time.Clock.systemUTC(), dataDir, transactionManager);
        long before = jdbc.sql("select count(*) from hocbaso_submission").query(Long.class).single();

        assertThatThrownBy(() -> nowhere.submitPackage(classOf("6A1"), new byte[] {1, 2, 3}, clerk))
                .isInstanceOf(vn.hocba.common.Rejected.class)
                .hasMessageContaining("chưa được cấu hình địa chỉ kho học bạ số của Sở (hocba.hocbaso.store.url)")
                .hasMessageContaining("Tải gói học bạ số của lớp (.zip)");
        assertThat(jdbc.sql("select count(*) from hocbaso_submission").query(Long.class).single()).isEqualTo(before);
    }

    ClassId classOf(String code) {
        return new ClassId(jdbc.sql("select id from school_class where code = ?").param(code).query(Long.class).single());
    }

    @Test
    @Order(1)
    void theDemoSchoolHasEveryIdentifierSoEveryRecordOfAClassIsGeneratedAndValid() {
        List<ClassRecordsService.StudentReadiness> readiness = records.readiness(classOf("7A1"));
        assertThat(readiness).hasSizeGreaterThan(30).allSatisfy(r -> assertThat(r.missing()).as(r.fullName()).isEmpty());
        for (var r : readiness.subList(0, 3)) {
            Document record = records.record(classOf("7A1"), r.studentId());
            assertThat(RecordSchema.problems(record)).isEmpty();
        }
        var sixth = records.readiness(classOf("6A1")).get(0);
        assertThat(XmlDocuments.text(records.record(classOf("6A1"), sixth.studentId()))).contains("LA_MA_TAM=\"1\"");
    }

    @Test
    @Order(2)
    void aStudentWithoutAPersonalIdIsListedWithWhatIsMissingAndGetsNoRecord() {
        ClassId c = classOf("8A1");
        var student = records.readiness(c).get(4);
        jdbc.sql("update student set national_id = null where id = ?").param(student.studentId()).update();
        List<ClassRecordsService.StudentReadiness> readiness = records.readiness(c);
        assertThat(readiness.stream().filter(r -> !r.ready())).singleElement().satisfies(r -> {
            assertThat(r.studentId()).isEqualTo(student.studentId());
            assertThat(r.missing()).singleElement().asString().contains(student.fullName()).contains("thiếu số định danh cá nhân");
        });
        assertThatThrownBy(() -> records.record(c, student.studentId())).isInstanceOf(RecordNotReadyException.class)
                .hasMessageContaining(student.fullName());
    }

    List<String> nationalIdsOfFirstPackage = new ArrayList<>();
    long firstSubmission;

    @Test
    @Order(3)
    void aPackageIsSubmittedOnceAndEachRecordGetsItsResult() throws Exception {
        ClassId c = classOf("7A1");
        var students = records.readiness(c).subList(0, 3);
        byte[] zip = signedPackage(c, students);
        String rejectedId = personalId(c, students.get(2).studentId());
        store.unknownPersonalIds.add(rejectedId);

        firstSubmission = submissions.submitPackage(c, zip, clerk);
        StoreSubmissions.Submission s = pollUntilProcessed(firstSubmission);
        assertThat(s.state()).isEqualTo("PROCESSED");
        assertThat(s.nationalStatus()).isEqualTo("03");
        assertThat(s.records()).hasSize(3);
        var byCode = s.records().stream().collect(java.util.stream.Collectors.toMap(StoreSubmissions.Result::studentCode, r -> r));
        assertThat(byCode.get(students.get(0).studentCode()).result()).isEqualTo("01");
        assertThat(byCode.get(students.get(0).studentCode()).nationalId()).startsWith("HBS-");
        assertThat(byCode.get(students.get(1).studentCode()).result()).isEqualTo("01");
        StoreSubmissions.Result rejected = byCode.get(students.get(2).studentCode());
        assertThat(rejected.result()).isEqualTo("02");
        assertThat(rejected.nationalId()).isNull();
        assertThat(rejected.errors()).contains("NGUOI_HOC/SO_DINH_DANH_CA_NHAN").contains(rejectedId);
        nationalIdsOfFirstPackage.add(byCode.get(students.get(0).studentCode()).nationalId());

        int received = store.messagesReceived();
        assertThat(submissions.submitPackage(c, zip, clerk)).as("the same package again").isEqualTo(firstSubmission);
        assertThat(store.messagesReceived()).isEqualTo(received);
    }

    @Test
    @Order(4)
    void aStoreThatIsUnavailableIsTriedAgainLaterWithTheSameKey() throws Exception {
        ClassId c = classOf("7A1");
        byte[] zip = signedPackage(c, records.readiness(c).subList(5, 6));
        store.unavailableFor.set(1);
        long id = submissions.submitPackage(c, zip, clerk);
        StoreSubmissions.Submission queued = submissions.submission(id);
        assertThat(queued.state()).isEqualTo("QUEUED");
        assertThat(queued.attempts()).isEqualTo(1);
        assertThat(queued.lastError()).contains("503");
        Timestamp next = jdbc.sql("select next_attempt_at from hocbaso_submission where id = ?").param(id).query(Timestamp.class).single();
        assertThat(Duration.between(Instant.now(), next.toInstant())).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(61));
        assertThat(StoreSubmissions.backoff(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(StoreSubmissions.backoff(12)).isEqualTo(Duration.ofHours(6));

        submissions.retryDue();
        assertThat(submissions.submission(id).state()).as("not due yet").isEqualTo("QUEUED");
        jdbc.sql("update hocbaso_submission set next_attempt_at = ? where id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), id).update();
        submissions.retryDue();
        assertThat(pollUntilProcessed(id).records()).singleElement().extracting(StoreSubmissions.Result::result).isEqualTo("01");
    }

    @Test
    @Order(5)
    void aCorrectedRecordIsRecalledAndReissuedAndBothAreTracked() throws Exception {
        ClassId c = classOf("7A1");
        String nationalId = nationalIdsOfFirstPackage.get(0);
        long recall = submissions.recall(c, nationalId, "Sửa số sổ đăng bộ ghi nhầm", clerk);
        StoreSubmissions.Submission recalled = pollUntilProcessed(recall);
        assertThat(recalled.purpose()).isEqualTo("03");
        assertThat(recalled.records()).singleElement().satisfies(r -> {
            assertThat(r.result()).isEqualTo("01");
            assertThat(r.nationalId()).isEqualTo(nationalId);
        });
        assertThat(store.recalled).contains(nationalId);
        assertThat(submissions.recall(c, nationalId, "lần nữa", clerk)).as("recalled once").isEqualTo(recall);

        var student = records.readiness(c).get(0);
        var schoolId = new vn.hocba.schoolyear.SchoolId(jdbc.sql("select school_id from student where id = ?")
                .param(student.studentId()).query(Long.class).single());
        RecordIdentifiers before = identifiers.of(schoolId, new vn.hocba.students.StudentId(student.studentId()));
        identifiers.setStudent(new vn.hocba.students.StudentId(student.studentId()), before.moetStudentCode(), false,
                "999/2024", clerk);
        long reissue = submissions.submitPackage(c, signedPackage(c, List.of(student)), clerk);
        StoreSubmissions.Result again = pollUntilProcessed(reissue).records().get(0);
        assertThat(again.result()).isEqualTo("01");
        assertThat(again.nationalId()).isNotEqualTo(nationalId);
        assertThat(submissions.ofClass(c)).extracting(StoreSubmissions.Submission::id).contains(firstSubmission, recall, reissue);
    }

    // --- issue 17, third part: the clerk's submit / status / recall / re-issue through the HTTP API and the page,
    // on records stored as the ClassDocuments steps store them (signed here with the test PKI: the signing steps
    // themselves are tested by workflow.ClassDocumentsOnPostgresTest and ReissueAfterCorrectionOnPostgresTest).

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;
    @Autowired
    SignedRecords signedRecords;
    @Autowired
    RecordSubmissions recordSubmissions;
    @Autowired
    vn.hocba.pades.SigningServices signingServices;
    @LocalServerPort
    int port;

    vn.hocba.support.ApiClient api;
    List<ClassRecordsService.StudentReadiness> apiStudents;
    String rejectedByStore;

    vn.hocba.support.ApiClient api() {
        if (api == null) {
            api = new vn.hocba.support.ApiClient(mvc);
            store.trust(signingServices.trustAnchors()); // the school's issuing certificate, registered with the store
        }
        return api;
    }

    @Test
    @Order(6)
    void theClerkSubmitsAClassPackageAndFollowsItsStatusThroughTheApi() throws Exception {
        ClassId c = classOf("6A2");
        apiStudents = records.readiness(c).subList(0, 3);
        apiStudents.forEach(s -> storeSigned(c, s.studentId(), 1));
        rejectedByStore = personalId(c, apiStudents.get(2).studentId());
        store.unknownPersonalIds.add(rejectedByStore);
        String base = "/api/classes/" + c.value() + "/hocbaso";

        byte[] downloaded = api().download("vanthu", base + "/package");
        ClassPackage.Check check = ClassPackage.check(downloaded, signingServices.trustAnchors());
        assertThat(check.valid()).as(check.problems().toString()).isTrue();
        assertThat(ClassPackage.records(downloaded)).hasSize(3);
        assertThat(api().post("gv04", base + "/submissions", "{}").status()).as("the homeroom teacher").isEqualTo(403);

        var sent = api().post("vanthu", base + "/submissions", "{}");
        assertThat(sent.status()).isEqualTo(201);
        long id = sent.body().path("id").asLong();
        assertThat(sent.body().path("purpose").asText()).isEqualTo("01");
        assertThat(sent.body().path("state").asText()).isEqualTo("SENT");
        assertThat(sent.body().path("records")).hasSize(3).allSatisfy(r -> assertThat(r.path("result").asText()).isEqualTo("00"));
        assertThat(submissions.submission(id).records()).extracting(StoreSubmissions.Result::recordSha256)
                .containsExactlyInAnyOrderElementsOf(ClassPackage.records(downloaded).values().stream()
                        .map(vn.hocba.common.Sha256::hex).toList());
        int received = store.messagesReceived();
        assertThat(api().post("vanthu", base + "/submissions", "{}").body().path("id").asLong()).as("same package").isEqualTo(id);
        assertThat(store.messagesReceived()).isEqualTo(received);

        var answer = pollThroughApi(base, id);
        assertThat(answer.path("nationalStatus").asText()).isEqualTo("03");
        var state = api().get("vanthu", base + "/records").body();
        var byCode = new java.util.HashMap<String, com.fasterxml.jackson.databind.JsonNode>();
        state.path("records").forEach(r -> byCode.put(r.path("studentCode").asText(), r));
        for (var s : apiStudents.subList(0, 2)) {
            assertThat(byCode.get(s.studentCode()).path("result").asText()).isEqualTo("01");
            assertThat(byCode.get(s.studentCode()).path("nationalId").asText()).startsWith("HBS-");
        }
        var rejected = byCode.get(apiStudents.get(2).studentCode());
        assertThat(rejected.path("result").asText()).isEqualTo("02");
        assertThat(rejected.path("nationalId").textValue()).isNull();
        assertThat(rejected.path("errors").asText()).as("the store's reason, in Vietnamese, naming the field")
                .contains("NGUOI_HOC/SO_DINH_DANH_CA_NHAN").contains(rejectedByStore)
                .contains("không có trong CSDL quốc gia về dân cư");
        assertThat(audited("HOCBASO_SUBMISSION_CREATED", "hocbaso submission " + id + " class")).containsExactly("vanthu");
        assertThat(audited("HOCBASO_STORE_ANSWERED", "hocbaso submission " + id + " class")).containsExactly("system:kho-hoc-ba-so");
    }

    @Test
    @Order(7)
    void theClerkRecallsARecordAndReissuesACorrectedOneAsANewVersionKeepingTheOld() throws Exception {
        ClassId c = classOf("6A2");
        String base = "/api/classes/" + c.value() + "/hocbaso";
        var state = api().get("vanthu", base + "/records").body();
        String recalledId = nationalIdOf(state, apiStudents.get(1).studentCode());
        // A record the store accepted from 6A2 is not recalled through 6A1's address: the recall would be filed
        // (and shown) under 6A1 while 6A2's state never showed it.
        String otherClass = "/api/classes/" + classOf("6A1").value() + "/hocbaso/recalls";
        var elsewhere = api().post("vanthu", otherClass,
                "{\"nationalId\":\"" + recalledId + "\",\"reason\":\"Thu hồi qua lớp khác\"}");
        assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(404);
        assertThat(elsewhere.detail()).contains(recalledId).contains("6A1");
        assertThat(store.recalled).doesNotContain(recalledId);
        assertThat(audited("HOCBASO_RECALL_REQUESTED", "hocbaso record " + recalledId)).isEmpty();
        var recall = api().post("vanthu", base + "/recalls",
                "{\"nationalId\":\"" + recalledId + "\",\"reason\":\"Học sinh chuyển trường, hồ sơ gửi nhầm\"}");
        assertThat(recall.status()).isEqualTo(201);
        assertThat(recall.body().path("purpose").asText()).isEqualTo("03");
        var recalled = pollThroughApi(base, recall.body().path("id").asLong());
        assertThat(recalled.path("records").get(0).path("result").asText()).isEqualTo("01");
        assertThat(store.recalled).contains(recalledId);
        assertThat(audited("HOCBASO_RECALL_REQUESTED", "hocbaso record " + recalledId)).containsExactly("vanthu");

        var student = apiStudents.get(0);
        String oldId = nationalIdOf(state, student.studentCode());
        String reissue = base + "/students/" + student.studentId() + "/reissue";
        var unchanged = api().post("vanthu", reissue, "{\"reason\":\"Sửa số sổ đăng bộ\"}");
        assertThat(unchanged.status()).isEqualTo(409);
        assertThat(unchanged.detail()).contains("không thay đổi từ khi kho chấp nhận").contains(oldId);

        // the correction: the register number was wrong; the record is built again and signed as version 2
        var schoolId = new vn.hocba.schoolyear.SchoolId(jdbc.sql("select school_id from student where id = ?")
                .param(student.studentId()).query(Long.class).single());
        RecordIdentifiers before = identifiers.of(schoolId, new vn.hocba.students.StudentId(student.studentId()));
        long auditedBefore = jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
        for (String nothing : List.of("{}", "{\"moetCode\":\"\",\"registerNumber\":\" \"}", "{\"temporaryCode\":true}")) {
            var refused = api().send("vanthu", org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                    .put(base + "/students/" + student.studentId() + "/identifiers")
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(nothing));
            assertThat(refused.status()).as(nothing).isEqualTo(400);
            assertThat(refused.detail()).as(nothing).startsWith("Học sinh mã số " + student.studentId() + ": ")
                    .contains(nothing.contains("temporaryCode") ? "temporaryCode chỉ đi cùng moetCode"
                            : "hãy gửi ít nhất một trong moetCode, registerNumber, personalId");
        }
        // The clerk's page form checks the same as the API: a student of 6A2 through 6A1's page, an empty form.
        String page = "/hoc-ba-so/lop/%d/hoc-sinh/" + student.studentId() + "/dinh-danh";
        assertThat(pageError(String.format(page, classOf("6A1").value()), "registerNumber", "999/THCS"))
                .isEqualTo("Học sinh mã số " + student.studentId() + " không học lớp 6A1.");
        assertThat(pageError(String.format(page, c.value()), "registerNumber", " "))
                .contains("yêu cầu không có mã nào để lưu");
        assertThat(identifiers.of(schoolId, new vn.hocba.students.StudentId(student.studentId()))).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from audit_entry").query(Long.class).single())
                .as("a refused request records no change").isEqualTo(auditedBefore);
        var put = api().send("vanthu", org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .put(base + "/students/" + student.studentId() + "/identifiers")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"registerNumber\":\"77/2025\"}")); // blank fields keep what is stored
        RecordIdentifiers after = identifiers.of(schoolId, new vn.hocba.students.StudentId(student.studentId()));
        assertThat(after.moetStudentCode()).isEqualTo(before.moetStudentCode());
        assertThat(after.temporaryCode()).isEqualTo(before.temporaryCode());
        assertThat(after.registerNumber()).isEqualTo("77/2025");
        assertThat(put.status()).as(put.body().toString()).isEqualTo(200);
        SignedRecords.StoredRecord v1 = signedRecords.latest(c, student.studentId()).orElseThrow();
        storeSigned(c, student.studentId(), 2);

        var sent = api().post("vanthu", reissue, "{\"reason\":\"Sửa số sổ đăng bộ ghi nhầm\"}");
        assertThat(sent.status()).as(sent.body().toString()).isEqualTo(201);
        assertThat(sent.body()).hasSize(2);
        assertThat(sent.body().get(0).path("purpose").asText()).isEqualTo("03");
        assertThat(sent.body().get(1).path("purpose").asText()).isEqualTo("01");
        pollThroughApi(base, sent.body().get(0).path("id").asLong());
        var created = pollThroughApi(base, sent.body().get(1).path("id").asLong());
        assertThat(created.path("records")).hasSize(1);
        String newId = created.path("records").get(0).path("nationalId").asText();
        assertThat(newId).startsWith("HBS-").isNotEqualTo(oldId);
        assertThat(store.recalled).contains(oldId);

        var row = rowOf(api().get("vanthu", base + "/records").body(), student.studentCode());
        assertThat(row.path("version").asInt()).isEqualTo(2);
        assertThat(row.path("nationalId").asText()).isEqualTo(newId);
        assertThat(row.path("earlier")).singleElement().satisfies(e -> {
            assertThat(e.path("version").asInt()).isEqualTo(1);
            assertThat(e.path("nationalId").asText()).isEqualTo(oldId);
            assertThat(e.path("recalled").asBoolean()).isTrue();
        });
        byte[] kept = signedRecords.read(v1);
        assertThat(RecordVerifier.allValid(new RecordVerifier(pki.trustAnchors()).verify(XmlDocuments.parse(kept))))
                .as("version 1 is kept and still verifies").isTrue();
        assertThat(XmlDocuments.text(XmlDocuments.parse(signedRecords.read(signedRecords.latest(c, student.studentId())
                .orElseThrow())))).contains("77/2025");
        assertThat(audited("HOCBASO_REISSUED", "hocbaso record " + student.studentCode() + " class")).containsExactly("vanthu");
        assertThat(jdbc.sql("select reason from audit_entry where action = 'HOCBASO_REISSUED'").query(String.class).single())
                .isEqualTo("Sửa số sổ đăng bộ ghi nhầm");
    }

    @Test
    @Order(8)
    void theClerksPageShowsEachClassSubmitsShowsStatusAndErrorsAndDownloadsThePackage() throws Exception {
        api();
        ClassId c = classOf("7A2");
        var students = records.readiness(c).subList(0, 3);
        students.forEach(s -> storeSigned(c, s.studentId(), 1));
        String unknown = personalId(c, students.get(1).studentId());
        store.unknownPersonalIds.add(unknown);
        browser = vn.hocba.web.BrowserSession.start(port);
        browser.logIn("vanthu");
        browser.open("/hoc-ba-so");
        assertThat(browser.text("#lop-7A2")).contains("7A2").contains("3").contains("Chưa gửi");
        assertThat(browser.text("#lop-6A2")).contains("03 · kho đã xử lý xong");
        browser.checkPage("hoc-ba-so");
        browser.click(browser.find("#lop-7A2 a"));
        assertThat(browser.text("#hs-" + students.get(0).studentCode() + " .result")).contains("Chưa gửi");
        browser.click(browser.find("#submit-button"));
        assertThat(browser.text("p.info")).contains("Đã gửi gói học bạ số").contains("3 học bạ");
        long id = submissions.ofClass(c).get(0).id();
        assertThat(browser.text("#lan-gui-" + id)).contains("01 · gửi gói học bạ").contains("đã gửi, kho đang xử lý");
        for (int i = 0; i < 100 && !browser.driver().findElements(org.openqa.selenium.By.cssSelector(
                "#lan-gui-" + id + " button")).isEmpty(); i++) {
            Thread.sleep(200);
            browser.click(browser.find("#lan-gui-" + id + " button"));
        }
        assertThat(browser.text("#lan-gui-" + id)).contains("kho đã xử lý xong");
        assertThat(submissions.submission(id).state()).as("stored").isEqualTo("PROCESSED");
        assertThat(browser.text("#hs-" + students.get(0).studentCode() + " .result")).contains("01 · đã nhận, mã HBS-");
        assertThat(browser.text("#hs-" + students.get(1).studentCode() + " .result")).contains("kho báo lỗi")
                .contains("NGUOI_HOC/SO_DINH_DANH_CA_NHAN " + unknown + " không có trong CSDL quốc gia về dân cư");
        browser.checkPage("hoc-ba-so-lop");

        String href = browser.find("#download-package").getAttribute("href");
        Object base64 = browser.driver().executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => { var s = ''; var a = new Uint8Array(b);"
                + " for (var i = 0; i < a.length; i++) s += String.fromCharCode(a[i]); done(btoa(s)); })", href);
        byte[] zip = java.util.Base64.getDecoder().decode((String) base64);
        assertThat(ClassPackage.check(zip, signingServices.trustAnchors()).valid()).isTrue();
        assertThat(ClassPackage.records(zip)).hasSize(3);
        assertThat(vn.hocba.common.Sha256.hex(zip)).as("the package sent to the store")
                .isEqualTo(jdbc.sql("select package_sha256 from hocbaso_submission where id = ?").param(id).query(String.class).single());
    }

    /** Stores the student's current record, signed in every slot, as {@code version} (what the signing steps store). */
    private void storeSigned(ClassId c, long studentId, int version) {
        Document unsigned = records.record(c, studentId);
        String fingerprint = RecordFingerprint.of(unsigned);
        Document signed = SampleRecords.signInOrder(unsigned, pki);
        int slots = RecordSlots.of(signed).all().size();
        signedRecords.save(c, studentId, version, fingerprint, XmlDocuments.bytes(signed), slots, slots, Instant.now());
    }

    private com.fasterxml.jackson.databind.JsonNode pollThroughApi(String base, long id) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            var reply = api().post("vanthu", base + "/submissions/" + id + "/poll", "{}");
            assertThat(reply.status()).isEqualTo(200);
            if (!"SENT".equals(reply.body().path("state").asText())) {
                assertThat(reply.body().path("state").asText()).isEqualTo("PROCESSED");
                return reply.body();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the store did not process submission " + id);
    }

    private static com.fasterxml.jackson.databind.JsonNode rowOf(com.fasterxml.jackson.databind.JsonNode state, String code) {
        for (var r : state.path("records")) {
            if (r.path("studentCode").asText().equals(code)) {
                return r;
            }
        }
        throw new AssertionError("no record of " + code);
    }

    private static String nationalIdOf(com.fasterxml.jackson.databind.JsonNode state, String code) {
        String id = rowOf(state, code).path("nationalId").asText();
        assertThat(id).startsWith("HBS-");
        return id;
    }

    /** The clerk posts a page form (field, value); the error the page then shows. */
    private String pageError(String path, String field, String value) throws Exception {
        String token = api().post(null, "/api/auth/token", "{\"username\":\"vanthu\",\"password\":\""
                + vn.hocba.support.ApiClient.DEMO_PASSWORD + "\"}").body().path("token").asText();
        var result = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .header("Authorization", "Bearer " + token).param(field, value)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        return String.valueOf(result.getFlashMap().get("error"));
    }

    private List<String> audited(String action, String targetPrefix) {
        return jdbc.sql("select actor from audit_entry where action = ? and target like ? order by id")
                .params(action, targetPrefix + "%").query(String.class).list();
    }

    private byte[] signedPackage(ClassId c, List<ClassRecordsService.StudentReadiness> students) {
        List<ClassPackage.Entry> entries = new ArrayList<>();
        for (var s : students) {
            Document record = SampleRecords.signInOrder(records.record(c, s.studentId()), pki);
            entries.add(new ClassPackage.Entry(s.studentCode() + ".hocbaso.xml", XmlDocuments.bytes(record)));
        }
        return ClassPackage.build("DEMO01-7A1", entries, pki.organisation("TRƯỜNG THCS MẪU"));
    }

    private String personalId(ClassId c, long studentId) {
        return jdbc.sql("select national_id from student where id = ?").param(studentId).query(String.class).single();
    }

    private StoreSubmissions.Submission pollUntilProcessed(long id) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            StoreSubmissions.Submission s = submissions.poll(id);
            if (!"SENT".equals(s.state())) {
                return s;
            }
            assertThat(s.nationalStatus()).as("in progress").isIn(null, "00", "01");
            Thread.sleep(100);
        }
        throw new AssertionError("the store did not process submission " + id);
    }
}
