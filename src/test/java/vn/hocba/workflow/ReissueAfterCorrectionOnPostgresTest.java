package vn.hocba.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.hocba.audit.Actor;
import vn.hocba.documents.ClassDocuments;
import vn.hocba.documents.IssuedDocument;
import vn.hocba.documents.YearClosing;
import vn.hocba.documents.YearCompletion;
import vn.hocba.gradebook.GradebookLocks;
import vn.hocba.gradebook.closing.SummerWork;
import vn.hocba.gradebook.closing.YearEnd;
import vn.hocba.gradebook.ClassResultsStore;
import vn.hocba.gradebook.MarkKind;
import vn.hocba.gradebook.corrections.Corrections;
import vn.hocba.gradebook.interchange.GradebookBulkLoad;
import vn.hocba.schoolyear.Position;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.students.StudentRegistry;
import vn.hocba.support.ApiClient;
import vn.hocba.support.EmbeddedPostgresDatabases;
import vn.hocba.support.TemporaryDataDirectory;
import java.util.regex.Pattern;
import vn.hocba.common.Sha256;
import vn.hocba.hocbaso.SignedRecordChecks;
import vn.hocba.hocbaso.SignedRecords;
import vn.hocba.hocbaso.XmlDocuments;

/**
 * Issue 13 items 9, 10 and 11: a class's year documents signed and packaged, then one student's Toán
 * mark corrected (the GradeCorrection process) and the ClassDocuments process run again. Only what
 * holds that mark is re-issued (item 10), the correction record is signed by homeroom teacher,
 * principal and seal with people's full names (item 11), and the clerk downloads a new package
 * version with the new versions in it while the first is listed as outdated (item 9).
 */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReissueAfterCorrectionOnPostgresTest {

    private static java.nio.file.Path dataDir;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws Exception {
        EmbeddedPostgresDatabases.register(registry, "reissue_after_correction");
        dataDir = TemporaryDataDirectory.register(registry, "hocba-reissue-test");
    }

    @AfterAll
    static void removeFiles() {
        TemporaryDataDirectory.delete(dataDir);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    SchoolDirectory directory;
    @Autowired
    StudentRegistry registry;
    @Autowired
    GradebookBulkLoad load;
    @Autowired
    ClassResultsStore results;
    @Autowired
    ClassDocumentsWorkflow workflow;
    @Autowired
    CorrectionWorkflow corrections;
    @Autowired
    ClassDocuments documents;
    @Autowired
    GradebookLocks locks;
    @Autowired
    YearEnd yearEnd;
    @Autowired
    SummerWork summer;

    ApiClient api;
    SchoolClass schoolClass;
    String homeroom;
    long toanId;
    String toanTeacher;
    long student;
    List<IssuedDocument> firstIssue;
    byte[] firstPackage;
    byte[] secondPackage;
    Map<String, byte[]> secondEntries;
    String correctionInstance;
    List<String> sheetTasksOfTheRerun;
    Map<Long, String> firstRecords = new java.util.HashMap<>();
    @Autowired
    SignedRecords signedRecords;
    @Autowired
    vn.hocba.hocbaso.ClassRecordsService classRecords;

    @BeforeAll
    void signTheYearCorrectAMarkAndSignAgain() throws Exception {
        api = new ApiClient(mvc);
        var year = directory.activeYear(directory.schools().get(0).id()).orElseThrow();
        schoolClass = directory.classByCode(year.id(), "6A1").orElseThrow();
        long classId = schoolClass.id().value();
        new YearCompletion(directory, registry, load, results).completeTermTwo(schoolClass);
        // Year documents are signed only for a closed year (both terms locked, year end final).
        new YearClosing(directory, registry, locks, yearEnd, summer, load, results).close(schoolClass);
        JsonNode info = api.get("hieutruong", "/api/classes/" + classId).body();
        homeroom = info.path("homeroomTeacher").path("code").asText().toLowerCase();
        for (JsonNode t : info.path("teaching")) {
            if (t.path("subject").path("code").asText().equals("TOAN")) {
                toanId = t.path("subject").path("id").asLong();
                toanTeacher = t.path("teacher").path("code").asText().toLowerCase();
            }
        }
        student = registry.roster(schoolClass.id()).get(4).student().id().value();

        firstPackage = signAndDownload();
        firstIssue = documents.ofClass(schoolClass.id());
        signedRecords.latestOfClass(schoolClass.id()).forEach(r -> firstRecords.put(r.studentId(),
                new String(signedRecords.read(r), StandardCharsets.UTF_8)));

        BigDecimal old = jdbc.sql("select score from mark where class_id = ? and student_id = ? and subject_id = ? "
                + "and term = 1 and kind = 'REGULAR' and column_no = 1").params(classId, student, toanId)
                .query(BigDecimal.class).single();
        String value = old.compareTo(new BigDecimal("5")) >= 0 ? old.subtract(new BigDecimal("5")).toPlainString()
                : old.add(new BigDecimal("5")).toPlainString();
        long id = corrections.request(new Corrections.Request(classId, toanId, student, 1, MarkKind.REGULAR, 1, value,
                "Nhập nhầm so với sổ điểm cá nhân", "so-diem.jpg", null), new Actor(toanTeacher, "SUBJECT_TEACHER", null))
                .request().id();
        corrections.confirm(id, new Actor(homeroom, "HOMEROOM_TEACHER", null));
        corrections.approve(id, "Có xác nhận của giám khảo", new Actor("hieutruong", "PRINCIPAL", null));
        correctionInstance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(GradeCorrectionModel.businessKey(id)).singleResult().getId();
        runJobs(correctionInstance);

        // Item 11: the correction process itself calls the class's documents run and waits in it.
        var called = runtime.createProcessInstanceQuery().superProcessInstanceId(correctionInstance).singleResult();
        assertThat(called).as("the correction calls ClassDocuments once the year documents were signed").isNotNull();
        secondPackage = signAndDownload(called.getId(), this::theCorrectionWaitsForTheSignatures);
        secondEntries = ExportPackages.unzip(secondPackage);
    }

    private void theCorrectionWaitsForTheSignatures() {
        assertThat(runtime.getActiveActivityIds(correctionInstance))
                .as("the correction is not finished before its record is signed and packaged")
                .containsExactly(GradeCorrectionModel.CALL_REISSUE);
        sheetTasksOfTheRerun = tasks.createTaskQuery().processInstanceBusinessKey(ClassDocumentsModel.businessKey(
                schoolClass.id().value())).taskDefinitionKey(ClassDocumentsModel.TASK_SIGN_SUBJECT_SHEETS).list().stream()
                .map(Task::getAssignee).toList();
    }

    @Test
    @Order(5)
    void item11TheCorrectionEndsOnlyWhenItsRecordIsSignedAndPackagedAndAsksOnlyTheChangedSheetsTeacher() {
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(correctionInstance).count()).isZero();
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(correctionInstance).activityId(GradeCorrectionModel.END_REISSUED).count())
                .as("ended at «" + GradeCorrectionModel.END_REISSUED + "»").isEqualTo(1);
        assertThat(sheetTasksOfTheRerun).as("only the Toán teacher signs again").containsExactly(toanTeacher);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'DOCUMENT_SIGNED' and target like 'document BB-%'")
                .query(Long.class).single()).as("the correction record's signatures are audited").isGreaterThanOrEqualTo(3);
    }

    @Test
    @Order(1)
    void item10OnlyTheDocumentsHoldingTheCorrectedMarkAreReissued() {
        List<IssuedDocument> now = documents.ofClass(schoolClass.id());
        Set<String> reissued = new TreeSet<>();
        now.stream().filter(d -> d.version() > 1).forEach(d -> reissued.add(d.documentId()));
        String code = registry.roster(schoolClass.id()).get(4).student().profile().code();
        assertThat(reissued).as("re-issued after one Toán mark of " + code + " changed")
                .contains("HB-DEMO01-2025-2026-" + code)
                .anyMatch(d -> d.startsWith("KQ-") && d.endsWith("-TOAN"))
                .anyMatch(d -> d.startsWith("SO-"))
                .allMatch(d -> d.contains(code) || d.startsWith("SO-") || (d.startsWith("KQ-") && d.endsWith("-TOAN")));
        for (IssuedDocument d : now) {
            if (d.studentId().isPresent() && d.studentId().get() != student) {
                assertThat(d.version()).as(d.id()).isEqualTo(1);
                assertThat(d.superseded()).as(d.id() + " must not be shown as superseded").isFalse();
            }
        }
    }

    @Test
    @Order(2)
    void item10ATranscriptKeptAsIssuedStillCitesTheSheetVersionItWasSignedAgainstAndThePackageHoldsIt() throws Exception {
        String other = secondEntries.keySet().stream().filter(n -> n.startsWith("xml/HB-") && n.endsWith("-v1.xml"))
                .findFirst().orElseThrow();
        String xml = new String(secondEntries.get(other), StandardCharsets.UTF_8);
        var cited = Pattern.compile("versionLabel=\"(KQ-[^\"]*-TOAN-v1)\"[^>]*sha256=\"([0-9a-f]{64})\"")
                .matcher(xml);
        assertThat(cited.find()).as(other + " cites the Toán sheet v1").isTrue();
        byte[] sheet = secondEntries.get("superseded/pdf/" + cited.group(1) + ".pdf");
        assertThat(sheet).as("the cited earlier sheet is in the package").isNotNull();
        assertThat(Sha256.hex(sheet)).isEqualTo(cited.group(2));
    }

    @Test
    @Order(3)
    void item9TheClerkDownloadsANewPackageVersionWithTheNewVersionsAndTheFirstIsListedAsOutdated() throws Exception {
        assertThat(Sha256.hex(secondPackage)).as("the download after the re-signing")
                .isNotEqualTo(Sha256.hex(firstPackage));
        String code = registry.roster(schoolClass.id()).get(4).student().profile().code();
        assertThat(secondEntries).containsKey("pdf/HB-DEMO01-2025-2026-" + code + "-v2.pdf")
                .doesNotContainKey("pdf/HB-DEMO01-2025-2026-" + code + "-v1.pdf");
        assertThat(secondEntries.keySet()).anyMatch(n -> n.matches("pdf/KQ-.*-TOAN-v2\\.pdf"))
                .noneMatch(n -> n.matches("pdf/KQ-.*-TOAN-v1\\.pdf"));
        ExportPackages.assertManifestMatches(secondEntries);
        JsonNode manifest = new com.fasterxml.jackson.databind.ObjectMapper().readTree(secondEntries.get("manifest.json"));
        assertThat(manifest.path("version").asInt()).isEqualTo(2);

        JsonNode packages = api.get("vanthu", "/api/classes/" + schoolClass.id().value() + "/year-documents/packages")
                .body();
        assertThat(packages).hasSize(2);
        assertThat(packages.get(0).path("version").asInt()).isEqualTo(2);
        assertThat(packages.get(0).path("outdated").asBoolean()).as(packages.toString()).isFalse();
        assertThat(packages.get(0).path("sha256").asText()).isEqualTo(Sha256.hex(secondPackage));
        assertThat(packages.get(1).path("version").asInt()).isEqualTo(1);
        assertThat(packages.get(1).path("outdated").asBoolean()).as("v1 outdated: " + packages).isTrue();
        assertThat(packages.get(1).path("outdatedAt").isTextual()).as(packages.toString()).isTrue();
        assertThat(dataDir.resolve("exports").resolve(directory.year(schoolClass.yearId()).name())
                .resolve(packages.get(1).path("fileName").asText())).as("the outdated package is kept").exists();
    }

    @Test
    @Order(4)
    void item11TheCorrectionRecordIsSignedByHomeroomPrincipalAndSealAndPrintsFullNames() throws Exception {
        List<String> records = secondEntries.keySet().stream().filter(n -> n.startsWith("pdf/BB-")).toList();
        assertThat(records).as("the correction record is in the package").hasSize(1);
        try (var pdf = Loader.loadPDF(secondEntries.get(records.get(0)))) {
            List<String> signed = new ArrayList<>();
            for (var field : pdf.getDocumentCatalog().getAcroForm().getFieldTree()) {
                if (field instanceof PDSignatureField s && s.getSignature() != null) {
                    signed.add(s.getFullyQualifiedName());
                }
            }
            assertThat(signed).contains("gvcn", "hieu_truong", "con_dau"); // and the LTA document time-stamp
        }
        String xml = new String(secondEntries.get(records.get(0).replaceFirst("^pdf/", "xml/").replaceFirst("\\.pdf$",
                ".xml")), StandardCharsets.UTF_8);
        String principal = directory.staff(directory.year(schoolClass.yearId()).schoolId()).stream()
                .filter(s -> s.position() == Position.PRINCIPAL).findFirst().orElseThrow().fullName();
        String homeroomName = directory.homeroomOf(schoolClass.id()).orElseThrow().teacher().fullName();
        assertThat(xml).contains(principal, homeroomName).doesNotContain(">hieutruong<", ">" + homeroom + "<",
                ">" + toanTeacher + "<");
    }

    /** One run of the ClassDocuments process: every signer signs, the clerk downloads the package and archives it. */
    private byte[] signAndDownload() {
        return signAndDownload(workflow.start(schoolClass, new Actor("hieutruong", "PRINCIPAL", null)), () -> { });
    }

    @Test
    @Order(6)
    void issue17OnlyTheCorrectedRecordIsSignedAgainAndOnlyInTheChangedSlots() {
        var now = signedRecords.latestOfClass(schoolClass.id());
        assertThat(now).hasSize(firstRecords.size()).allMatch(SignedRecords.StoredRecord::complete);
        for (var r : now) {
            String xml = new String(signedRecords.read(r), StandardCharsets.UTF_8);
            if (r.studentId() != student) {
                assertThat(r.version()).as("student " + r.studentId()).isEqualTo(1);
                assertThat(xml).as("an unchanged record is not signed again").isEqualTo(firstRecords.get(r.studentId()));
                continue;
            }
            assertThat(r.version()).as("the corrected student's record").isEqualTo(2);
            // Built from the corrected data: the server remembered every record's input and fingerprint, and kept
            // the stored documents, from the first signing; the corrected input must not reuse them (issue 19).
            String correctedToan = subjectValues(XmlDocuments.text(classRecords.record(schoolClass.id(), student)), "mon-15");
            assertThat(subjectValues(xml, "mon-15")).as("Toán as the re-signed record states it")
                    .isEqualTo(correctedToan).isNotEqualTo(subjectValues(firstRecords.get(student), "mon-15"));
            Map<String, String> before = SignedRecordChecks.signatureValues(firstRecords.get(student).getBytes(StandardCharsets.UTF_8));
            Map<String, String> after = SignedRecordChecks.signatureValues(xml.getBytes(StandardCharsets.UTF_8));
            assertThat(after.keySet()).isEqualTo(before.keySet());
            List<String> resigned = after.keySet().stream().filter(slot -> !after.get(slot).equals(before.get(slot))).toList();
            // Toán is national subject 15: its teacher's slot, then homeroom, principal and issuer over what contains it
            assertThat(resigned).as("slots signed again").containsExactlyInAnyOrder("gvbm-15-1", "GVCN", "CBQL", "KY_PHAT_HANH");
        }
        // The clerk's API shows the same and checks identifiers; teachers may not use it.
        String base = "/api/classes/" + schoolClass.id().value() + "/hocbaso";
        JsonNode state = api.get("vanthu", base + "/records").body();
        assertThat(state.path("records").size()).isEqualTo(firstRecords.size());
        assertThat(state.path("records").findValuesAsText("slotsSigned")).doesNotContain("0");
        assertThat(api.get(homeroom, base + "/records").status()).isEqualTo(403);
        var wrong = api.send("vanthu", org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .put(base + "/students/" + student + "/identifiers").contentType("application/json")
                .content("{\"moetCode\":\"0100712099\",\"registerNumber\":\"12/2025\",\"personalId\":\"12345\"}"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body().toString()).contains("phải gồm đúng 12 chữ số")
                .contains(registry.roster(schoolClass.id()).get(4).student().profile().fullName());
    }

    /** The text of the record's element whose {@code Id} is {@code id} (a subject: its name, terms, year, teacher). */
    private static String subjectValues(String xml, String id) {
        var all = XmlDocuments.parse(xml.getBytes(StandardCharsets.UTF_8)).getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            var e = (org.w3c.dom.Element) all.item(i);
            if (id.equals(e.getAttribute("Id"))) {
                return e.getTextContent();
            }
        }
        throw new AssertionError("no element " + id);
    }

    private byte[] signAndDownload(String instance, Runnable whileSheetsAreSigned) {
        runJobs(instance);
        whileSheetsAreSigned.run();
        for (Task task = sheetTask(instance); task != null; task = sheetTask(instance)) {
            workflow.signSubjectSheet(schoolClass, new Actor(task.getAssignee(), "SUBJECT_TEACHER", null));
        }
        runJobs(instance);
        workflow.homeroomSigns(schoolClass, new Actor(homeroom, "HOMEROOM_TEACHER", null));
        workflow.principalSigns(schoolClass, new Actor("hieutruong", "PRINCIPAL", null));
        runJobs(instance);
        byte[] zip = api.download("vanthu", "/api/classes/" + schoolClass.id().value() + "/year-documents/package");
        assertThat(api.post("vanthu", "/api/classes/" + schoolClass.id().value() + "/year-documents/archived", "")
                .status()).isEqualTo(200);
        return zip;
    }

    private Task sheetTask(String instance) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey(ClassDocumentsModel.TASK_SIGN_SUBJECT_SHEETS).listPage(0, 1);
        return open.isEmpty() ? null : open.get(0);
    }

    private void runJobs(String instance) {
        for (List<Job> jobs = pending(instance); !jobs.isEmpty(); jobs = pending(instance)) {
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
    }

    private List<Job> pending(String instance) {
        return management.createJobQuery().processInstanceId(instance).withRetriesLeft().list();
    }
}
