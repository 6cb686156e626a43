package vn.hocba.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.hocba.HocBaApplication;
import vn.hocba.audit.Actor;
import vn.hocba.cli.AuditCommand;
import vn.hocba.cli.BackupCommand;
import vn.hocba.cli.RestoreCommand;
import vn.hocba.common.Sha256;
import vn.hocba.documents.YearClosing;
import vn.hocba.documents.YearCompletion;
import vn.hocba.gradebook.ClassResultsStore;
import vn.hocba.gradebook.GradebookLocks;
import vn.hocba.gradebook.closing.SummerWork;
import vn.hocba.gradebook.closing.YearEnd;
import vn.hocba.gradebook.interchange.GradebookBulkLoad;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.students.StudentRegistry;
import vn.hocba.support.ApiClient;
import vn.hocba.support.EmbeddedPostgresDatabases;
import vn.hocba.support.TemporaryDataDirectory;
import vn.hocba.workflow.ClassDocumentsModel;
import vn.hocba.workflow.ClassDocumentsWorkflow;
import vn.hocba.workflow.ExportPackages;

/**
 * Issue 18 item 5: the demo school on PostgreSQL after class 6A1's whole year (term II completed,
 * both terms locked, year end final, every year document signed by its teachers, homeroom teacher,
 * principal and seal, extended to LTA and exported) is backed up with {@code hocba.jar backup}
 * (pg_dump) and restored with {@code hocba.jar restore} into a new database and a new data
 * directory. The restored installation holds every row and file, its audit chain verifies against
 * the signed checkpoints, and every signature of the export package is still valid (EU DSS).
 */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupAndRestoreOnPostgresTest {

    private static String sourceUrl;
    private static Path dataDir;
    private static Path work;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws Exception {
        sourceUrl = EmbeddedPostgresDatabases.create("backup_source");
        registry.add("spring.datasource.url", () -> sourceUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        dataDir = TemporaryDataDirectory.register(registry, "hocba-backup-source");
        work = Files.createTempDirectory("hocba-backup-work");
    }

    @AfterAll
    static void removeFiles() {
        TemporaryDataDirectory.delete(dataDir);
        TemporaryDataDirectory.delete(work);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
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
    GradebookLocks locks;
    @Autowired
    YearEnd yearEnd;
    @Autowired
    SummerWork summer;

    SchoolClass schoolClass;
    Map<String, List<String>> rowsAtBackup;
    Path backupWithKeys;
    Path backupWithoutKeys;
    String restoredUrl;
    Path restoredDir;
    String backupOutput;

    @BeforeAll
    void aWholeYearIsSignedExportedBackedUpAndRestored() throws Exception {
        var year = directory.activeYear(directory.schools().get(0).id()).orElseThrow();
        schoolClass = directory.classByCode(year.id(), "6A1").orElseThrow();
        new YearCompletion(directory, registry, load, results).completeTermTwo(schoolClass);
        new YearClosing(directory, registry, locks, yearEnd, summer, load, results).close(schoolClass);
        signAndExport();

        rowsAtBackup = DatabaseRows.of(sourceUrl);
        backupWithKeys = work.resolve("hocba-with-keys.zip");
        Run backup = run(new BackupCommand(), "--out", backupWithKeys.toString(), "--include-keys");
        assertThat(backup.status()).as(backup.toString()).isZero();
        backupOutput = backup.out();
        backupWithoutKeys = work.resolve("hocba.zip");
        assertThat(run(new BackupCommand(), "--out", backupWithoutKeys.toString()).status()).isZero();

        restoredUrl = EmbeddedPostgresDatabases.create("backup_restored");
        restoredDir = Files.createTempDirectory("hocba-backup-restored");
        Run restore = runOn(new RestoreCommand(), restoredUrl, restoredDir, backupWithKeys.toString());
        assertThat(restore.status()).as(restore.toString()).isZero();
    }

    @AfterAll
    void removeRestored() {
        TemporaryDataDirectory.delete(restoredDir);
    }

    @Test
    void theRestoredDatabaseHoldsEveryRowOfEveryTableMarksAuditEntriesDocumentsAndSignaturesIncluded() throws Exception {
        Map<String, List<String>> restored = DatabaseRows.of(restoredUrl);
        assertThat(restored.keySet()).isEqualTo(rowsAtBackup.keySet());
        for (String table : List.of("mark", "audit_entry", "audit_head", "issued_document", "document_signature",
                "export_package", "gradebook_lock", "gradebook_snapshot")) {
            assertThat(rowsAtBackup.get(table)).as(table + " at the backup").isNotEmpty();
        }
        for (String table : rowsAtBackup.keySet()) {
            assertThat(restored.get(table)).as(table).containsExactlyElementsOf(rowsAtBackup.get(table));
        }
    }

    @Test
    void everyDocumentSignedFileExportAndCheckpointIsRestoredByteForByteAndMatchesItsRecordedHash() throws Exception {
        for (String area : List.of("documents", "signed", "exports", "audit-checkpoints", "pki")) {
            Map<String, String> original = DirectoryHashes.of(dataDir.resolve(area));
            assertThat(original).as(area).isNotEmpty();
            assertThat(DirectoryHashes.of(restoredDir.resolve(area))).as(area).isEqualTo(original);
        }
        Map<String, String> signed = DirectoryHashes.of(restoredDir.resolve("signed"));
        List<String> recorded = jdbc.sql("select sha256 from document_signature").query(String.class).list();
        assertThat(recorded).hasSizeGreaterThan(100);
        assertThat(signed.values()).as("every signature stage's file, by the hash recorded in the database")
                .containsAll(recorded);
    }

    @Test
    void theRestoredAuditChainVerifiesAgainstTheSignedCheckpointsAndTheExportPackageStillPassesEuDssAtLta()
            throws Exception {
        Run verify = runOn(new AuditCommand(HocBaApplication.class), restoredUrl, restoredDir, "verify");
        assertThat(verify.status()).as(verify.toString()).isZero();
        assertThat(verify.out()).contains("Nhật ký kiểm toán nguyên vẹn").containsPattern("Khớp với [1-9]\\d* mốc");

        Path exports = restoredDir.resolve("exports").resolve(directory.year(schoolClass.yearId()).name());
        Path current = Files.list(exports).filter(p -> p.toString().endsWith(".zip")).max(Path::compareTo).orElseThrow();
        Map<String, byte[]> entries = ExportPackages.unzip(Files.readAllBytes(current));
        ExportPackages.assertManifestMatches(entries);
        ExportPackages.assertEverySignatureTotalPassedAtLta(entries,
                ExportPackages.teachersBySubject(directory, schoolClass.id()), registry.roster(schoolClass.id()).size(),
                restoredDir.resolve("pki"));
    }

    @Test
    void aBackupHoldsNoKeyUnlessAskedAndEveryEntryMatchesItsManifest() throws Exception {
        try (ZipFile zip = new ZipFile(backupWithoutKeys.toFile())) {
            BackupManifest manifest = BackupZip.readManifest(zip);
            assertThat(manifest.includesKeys()).isFalse();
            assertThat(manifest.database()).isEqualTo("postgresql");
            assertThat(zip.stream().map(e -> e.getName()))
                    .noneMatch(n -> n.startsWith("files/pki/") || n.endsWith(".p12") || n.endsWith(".key"))
                    .anyMatch(n -> n.startsWith("files/signed/")).anyMatch(n -> n.startsWith("files/audit-checkpoints/"))
                    .contains("database/" + PostgresCopy.DUMP);
            assertThat(manifest.entries()).hasSize((int) zip.stream().count() - 1);
            for (BackupEntry e : manifest.entries()) {
                assertThat(Sha256.hex(zip.getInputStream(zip.getEntry(e.path())).readAllBytes())).as(e.path())
                        .isEqualTo(e.sha256());
            }
        }
        try (ZipFile zip = new ZipFile(backupWithKeys.toFile())) {
            assertThat(zip.stream().map(e -> e.getName())).contains("files/pki/root.p12");
        }
        assertThat(backupOutput).contains("CÓ khoá");
    }

    @Test
    void aRestoreIntoAnInstallationThatIsNotEmptyIsRefusedNamingWhatIsThereAndWritesNothing() throws Exception {
        Map<String, List<String>> before = DatabaseRows.of(sourceUrl);
        Map<String, String> files = DirectoryHashes.of(dataDir);
        Run refused = runOn(new RestoreCommand(), sourceUrl, dataDir, backupWithoutKeys.toString());
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains("Chỉ khôi phục vào một cài đặt mới").contains("bảng")
                .contains(dataDir.resolve("signed") + " đã có");
        assertThat(DatabaseRows.of(sourceUrl)).isEqualTo(before);
        assertThat(DirectoryHashes.of(dataDir)).isEqualTo(files);

        Path damaged = work.resolve("damaged.zip");
        byte[] bytes = Files.readAllBytes(backupWithoutKeys);
        Files.write(damaged, BackupTampering.replaceEntry(bytes, "files/audit-checkpoints/"));
        Path empty = Files.createTempDirectory("hocba-backup-empty");
        try {
            Run rejected = runOn(new RestoreCommand(), EmbeddedPostgresDatabases.create("backup_damaged"), empty,
                    damaged.toString());
            assertThat(rejected.status()).isEqualTo(1);
            assertThat(rejected.err()).contains("hỏng").contains("SHA-256").contains("Không khôi phục gì");
            assertThat(DirectoryHashes.of(empty)).isEmpty();
        } finally {
            TemporaryDataDirectory.delete(empty);
        }
    }

    private Run run(vn.hocba.cli.Subcommand command, String... args) {
        return runOn(command, sourceUrl, dataDir, args);
    }

    private static Run runOn(vn.hocba.cli.Subcommand command, String url, Path dir, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres", "--hocba.data-dir=" + dir));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = command.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    record Run(int status, String out, String err) {
    }

    /** ClassDocuments for the class: every signer signs, the clerk downloads the package and archives it. */
    private void signAndExport() {
        ApiClient api = new ApiClient(mvc);
        String homeroom = directory.homeroomOf(schoolClass.id()).orElseThrow().teacher().code().toLowerCase();
        String instance = workflow.start(schoolClass, new Actor("hieutruong", "PRINCIPAL", null));
        runJobs(instance);
        for (Task task = sheetTask(instance); task != null; task = sheetTask(instance)) {
            workflow.signSubjectSheet(schoolClass, new Actor(task.getAssignee(), "SUBJECT_TEACHER", null));
        }
        runJobs(instance);
        workflow.homeroomSigns(schoolClass, new Actor(homeroom, "HOMEROOM_TEACHER", null));
        workflow.principalSigns(schoolClass, new Actor("hieutruong", "PRINCIPAL", null));
        runJobs(instance);
        assertThat(api.download("vanthu", "/api/classes/" + schoolClass.id().value() + "/year-documents/package"))
                .isNotEmpty();
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
