package vn.hocba.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.hocba.audit.Actor;
import vn.hocba.documents.YearClosing;
import vn.hocba.documents.YearCompletion;
import vn.hocba.gradebook.ClassResultsStore;
import vn.hocba.gradebook.GradebookLocks;
import vn.hocba.gradebook.closing.SummerWork;
import vn.hocba.gradebook.closing.YearEnd;
import vn.hocba.gradebook.interchange.GradebookBulkLoad;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.signing.SigningStage;
import vn.hocba.students.StudentRegistry;
import vn.hocba.support.ApiClient;
import vn.hocba.support.ChildApplication;
import vn.hocba.support.ChildRequests;
import vn.hocba.support.DatabaseHold;
import vn.hocba.support.EmbeddedPostgresDatabases;
import vn.hocba.support.TemporaryDataDirectory;

/**
 * Issue 18 item 3 (part): the ClassDocuments process of 6A1 run by HocBa in a child JVM on
 * PostgreSQL, killed with SIGKILL while it generates the documents, again while GenerateTranscripts
 * issues the transcripts (after the subject sheets' LT/LTA), and in the middle of the homeroom
 * teacher's signing batch. After each restart the process resumes by itself (the job is taken again
 * once its lock expires; the batch is sent again); the temporary files of the writes a kill cut short
 * are removed by the next start-up once older than its threshold. In the end every document is signed
 * once per stage, every signature has exactly one audit entry, nothing is issued twice (one transcript
 * per student, each citing its signed sheets), and the export package's manifest and every signature
 * pass (EU DSS, PAdES-BASELINE-LTA). This JVM
 * only prepares the year and reads the database; it never runs a job.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "camunda.bpm.job-execution.enabled=false")
class YearEndKilledOnPostgresIT {

    private static final Duration START = Duration.ofMinutes(5);
    private static final Duration STEP = Duration.ofMinutes(6);
    private static String url;
    private static Path dataDir;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        url = EmbeddedPostgresDatabases.create("year_end_killed");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        dataDir = TemporaryDataDirectory.register(registry, "hocba-year-end-killed");
    }

    @AfterAll
    static void removeFiles() {
        TemporaryDataDirectory.delete(dataDir);
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
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
    ClassDocumentsWorkflow workflow;
    @Autowired
    GradebookLocks locks;
    @Autowired
    YearEnd yearEnd;
    @Autowired
    SummerWork summer;

    private final ChildRequests requests = new ChildRequests();

    @Test
    void killedDuringGenerationAndDuringTheHomeroomBatchTheYearDocumentsResumeAndAreSignedOnceEach() throws Exception {
        var year = directory.activeYear(directory.schools().get(0).id()).orElseThrow();
        SchoolClass c = directory.classByCode(year.id(), "6A1").orElseThrow();
        long classId = c.id().value();
        new YearCompletion(directory, registry, load, results).completeTermTwo(c);
        new YearClosing(directory, registry, locks, yearEnd, summer, load, results).close(c);
        int students = registry.roster(c.id()).size();
        String homeroom = directory.homeroomOf(c.id()).orElseThrow().teacher().code().toLowerCase();
        String instance = workflow.start(c, new Actor("hieutruong", "PRINCIPAL", null));
        long started = System.nanoTime();

        ChildApplication child = child();
        try {
            // 1. SIGKILL while the documents are generated
            // The job generates in its own transaction: rows appear at its commit, files as they are written. Its
            // job row is held from here (DatabaseHold), so it cannot commit before the kill, however fast it runs.
            long doneAtKill;
            try (DatabaseHold job = DatabaseHold.jobOf(dataSource, instance, ClassDocumentsModel.TASK_GENERATE)) {
                await("generation under way", () -> documentFiles() >= 3);
                child.kill();
                doneAtKill = documentFiles();
            }
            assertThat(sheetTask(instance)).as("the process did not pass the generation").isNull();
            System.out.printf("killed during generation at %d document files, %d s%n", doneAtKill, seconds(started));
            child = child();
            await("generation resumed after the restart", () -> sheetTask(instance) != null);
            assertThat(jdbc.sql("select count(*) from (select document_id from issued_document where class_id = ? "
                    + "group by document_id having count(*) > 1) d").param(classId).query(Long.class).single())
                    .as("no document issued twice").isZero();
            long beforeTranscripts = documentFiles();
            for (Task t = sheetTask(instance); t != null; t = sheetTask(instance)) {
                workflow.signSubjectSheet(c, new Actor(t.getAssignee(), "SUBJECT_TEACHER", null));
            }

            // 2. SIGKILL while GenerateTranscripts issues the transcripts (after the sheets' LT/LTA, files written
            // as they are made, rows at the job's commit); the job is taken again once its lock expires
            long transcriptFilesAtKill;
            try (DatabaseHold job = DatabaseHold.jobOf(dataSource, instance, ClassDocumentsModel.TASK_GENERATE_TRANSCRIPTS)) {
                await("transcripts being issued", () -> documentFiles() >= beforeTranscripts + 6);
                child.kill();
                transcriptFilesAtKill = documentFiles() - beforeTranscripts;
            }
            assertThat(task(instance, ClassDocumentsModel.TASK_HOMEROOM_SIGNS)).as("the process did not pass the transcripts")
                    .isNull();
            System.out.printf("killed during GenerateTranscripts at %d new document files, %d s%n", transcriptFilesAtKill,
                    seconds(started));
            List<Path> aged = ageUnfinishedWrites();
            child = child();
            assertThat(unfinishedWritesOlderThanTheThreshold()).as("the start-up sweep removed the writes the kills cut short")
                    .isEmpty();
            System.out.printf("restarted: %d temporary files of cut writes (made 16 min old) removed at start-up: %s%n",
                    aged.size(), aged.stream().map(f -> dataDir.relativize(f).toString()).toList());
            await("transcripts generated by the child after the restart",
                    () -> task(instance, ClassDocumentsModel.TASK_HOMEROOM_SIGNS) != null);
            assertThat(issued(classId, "TRANSCRIPT")).as("one transcript per student").isEqualTo(students);

            // 3. SIGKILL in the middle of the homeroom teacher's batch
            ChildApplication signing = child;
            String path = "/api/classes/" + classId + "/year-documents";
            CompletableFuture<Integer> batch = CompletableFuture.supplyAsync(() -> post(signing, homeroom, path
                    + "/homeroom-signature").status());
            // held from the fifth signature on: the batch cannot record another before the kill
            long signedAtKill;
            await("homeroom batch under way", () -> signedAt(classId, "HOMEROOM_TEACHER") >= 5);
            try (DatabaseHold writes = DatabaseHold.writesTo(dataSource, "document_signature")) {
                child.kill();
                signedAtKill = signedAt(classId, "HOMEROOM_TEACHER");
            }
            assertThat(signedAtKill).as("killed before the batch ended").isLessThan(2L * students + 1);
            assertThat(batch.handle((s, e) -> s == null ? -1 : s).get()).isNotEqualTo(200);
            System.out.printf("killed during the homeroom batch at %d of %d, %d s%n", signedAtKill, 2 * students + 1,
                    seconds(started));
            // A kill while a signed file is written leaves its temporary file; the start-up sweep removes those older
            // than its threshold (a younger one may be another node's write under way), so they are aged as above.
            List<Path> cutSignedWrites = ageUnfinishedWrites();
            child = child();
            assertThat(unfinishedWritesOlderThanTheThreshold()).as("the start-up sweep removed the signed file cut short")
                    .isEmpty();
            System.out.printf("restarted: %d temporary files of cut writes removed at start-up: %s%n",
                    cutSignedWrites.size(), cutSignedWrites.stream().map(f -> dataDir.relativize(f).toString()).toList());
            ApiClient.Reply again = post(child, homeroom, path + "/homeroom-signature");
            assertThat(again.status()).as(again.toString()).isEqualTo(200);
            assertThat(signedAt(classId, "HOMEROOM_TEACHER")).isEqualTo(2L * students + 1);
            assertThat(post(child, "hieutruong", path + "/principal-signature").status()).isEqualTo(200);
            await("seal, LTA and export package by the child",
                    () -> task(instance, ClassDocumentsModel.TASK_CLERK_ARCHIVES) != null);

            assertEverySignatureAuditedOnceAndNoStrayFile(classId);
            assertThat(jdbc.sql("select count(*) from (select document_id from issued_document where class_id = ? "
                    + "group by document_id having count(*) > 1) d").param(classId).query(Long.class).single())
                    .as("no document issued twice, transcripts included").isZero();
            assertThat(issued(classId, "TRANSCRIPT")).isEqualTo(students);
            Map<String, byte[]> entries = ExportPackages.unzip(download(child, "vanthu", path + "/package"));
            ExportPackages.assertManifestMatches(entries);
            Map<String, List<String>> teachers = ExportPackages.teachersBySubject(directory, c.id());
            ExportPackages.assertTranscriptsReferToTheirSignedSheets(entries, teachers);
            ExportPackages.assertClassGradebookRefersToTheSignedSheets(entries, teachers);
            ExportPackages.assertEverySignatureTotalPassedAtLta(entries, ExportPackages.teachersBySubject(directory, c.id()),
                    students, dataDir.resolve("pki"));
            System.out.printf("year documents resumed after 3 kills, signed, sealed, exported and verified in %d s%n",
                    seconds(started));
        } finally {
            child.close();
        }
    }

    /** One DOCUMENT_SIGNED entry per person's signature (its file's SHA-256), and one file per recorded signature. */
    private void assertEverySignatureAuditedOnceAndNoStrayFile(long classId) throws Exception {
        List<String> notOnce = jdbc.sql("""
                select ds.document_id || ' ' || ds.stage || ' ' || (select count(*) from audit_entry a
                    where a.action = 'DOCUMENT_SIGNED' and a.target = 'document ' || ds.document_id and a.new_value = ds.sha256)
                from document_signature ds where ds.class_id = ? and ds.stage <> 'LONG_TERM'""").param(classId)
                .query(String.class).list().stream().filter(r -> !r.endsWith(" 1")).toList();
        assertThat(notOnce).as("signatures not audited exactly once").isEmpty();
        // signed/<class>/<document>/<stage file>, e.g. 1-gvbm-2.pdf for the row SUBJECT_TEACHER_2
        List<String> recorded = jdbc.sql("""
                select c.code, ds.document_id, ds.stage from document_signature ds
                join school_class c on c.id = ds.class_id where ds.class_id = ?""").param(classId)
                .query((rs, n) -> {
                    String[] key = rs.getString(3).split("_(?=\\d+$)");
                    int part = key.length == 2 ? Integer.parseInt(key[1]) : 1;
                    return String.join("/", "signed", rs.getString(1), rs.getString(2),
                            SigningStage.valueOf(key[0]).fileName(part));
                }).list();
        List<String> files;
        try (Stream<Path> walk = Files.walk(dataDir.resolve("signed"))) {
            files = walk.filter(Files::isRegularFile).map(f -> dataDir.relativize(f).toString().replace('\\', '/'))
                    .toList();
        }
        assertThat(files).as("one file per recorded signature stage, no other file (a half-written one included)")
                .containsExactlyInAnyOrderElementsOf(recorded);
    }

    private ChildApplication child() {
        return ChildApplication.start(Path.of("target", "child-logs", "year-end-killed.log"), START, List.of(
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres", "--hocba.data-dir=" + dataDir, "--hocba.demo.enabled=false",
                "--camunda.bpm.job-execution.enabled=true",
                // a job held by a killed node is taken again after this long (Camunda default: 5 minutes); longer than
                // a generation run here (20-40 s), else the node would take its own running job a second time
                "--camunda.bpm.job-execution.lock-time-in-millis=60000",
                "--camunda.bpm.job-execution.wait-time-in-millis=1000", "--hocba.audit.checkpoints.schedule=-"));
    }

    private long documentFiles() {
        Path documents = dataDir.resolve("documents");
        if (!Files.isDirectory(documents)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(documents)) {
            return files.filter(Files::isRegularFile).count();
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return 0; // a file moved while walking: look again
        }
    }

    private long issued(long classId, String kind) {
        return jdbc.sql("select count(*) from issued_document where class_id = ? and kind = ?").params(classId, kind)
                .query(Long.class).single();
    }

    /**
     * The temporary files of writes the kill cut short, made 16 minutes old (as if the node had stayed down that
     * long), so that the next start-up's sweep, which leaves younger ones to writes still under way elsewhere, must
     * remove them.
     */
    private List<Path> ageUnfinishedWrites() throws java.io.IOException {
        List<Path> unfinished = unfinishedWrites();
        for (Path f : unfinished) {
            Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.from(Instant.now().minus(Duration.ofMinutes(16))));
        }
        return unfinished;
    }

    /** Temporary files of cut writes older than the start-up sweep's threshold (15 minutes), anywhere in the data directory. */
    private List<Path> unfinishedWritesOlderThanTheThreshold() throws java.io.IOException {
        Instant threshold = Instant.now().minus(Duration.ofMinutes(15));
        List<Path> old = new java.util.ArrayList<>();
        for (Path f : unfinishedWrites()) {
            try {
                if (Files.getLastModifiedTime(f).toInstant().isBefore(threshold)) {
                    old.add(f);
                }
            } catch (java.nio.file.NoSuchFileException e) {
                // a write of the running node that finished meanwhile
            }
        }
        return old;
    }

    private List<Path> unfinishedWrites() throws java.io.IOException {
        try (Stream<Path> files = Files.walk(dataDir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".writing-")
                    && f.getFileName().toString().endsWith(".part")).toList();
        } catch (java.io.UncheckedIOException e) {
            return unfinishedWrites(); // a file of the running node went while walking: look again
        }
    }

    private long signedAt(long classId, String stage) {
        return jdbc.sql("select count(*) from document_signature where class_id = ? and stage = ?").params(classId, stage)
                .query(Long.class).single();
    }

    private Task sheetTask(String instance) {
        return task(instance, ClassDocumentsModel.TASK_SIGN_SUBJECT_SHEETS);
    }

    private Task task(String instance, String key) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).listPage(0, 1);
        return open.isEmpty() ? null : open.get(0);
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + STEP.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + STEP + ": " + what);
            }
            ChildApplication.pause(50);
        }
    }

    private static long seconds(long since) {
        return (System.nanoTime() - since) / 1_000_000_000;
    }

    private ApiClient.Reply post(ChildApplication app, String user, String path) {
        return requests.post(app, user, path);
    }

    private byte[] download(ChildApplication app, String user, String path) throws Exception {
        return requests.download(app, user, path);
    }
}
