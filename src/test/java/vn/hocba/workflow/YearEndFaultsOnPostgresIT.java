package vn.hocba.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
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
import vn.hocba.pades.config.SigningInstallation;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.students.StudentRegistry;
import vn.hocba.support.ApiClient;
import vn.hocba.support.ChildApplication;
import vn.hocba.support.ChildRequests;
import vn.hocba.support.DatabaseHold;
import vn.hocba.support.RestartablePostgres;
import vn.hocba.support.SwitchableTimeStampServer;
import vn.hocba.support.TemporaryDataDirectory;

/**
 * Issue 18 item 3, the faults {@link YearEndKilledOnPostgresIT} does not cover, one after the other in one
 * ClassDocuments process of 6A1 run by HocBa in a child JVM on a PostgreSQL server of this class, with the
 * development PKI's TSA served over real HTTP on a port this test closes and opens again:
 * <ol>
 *   <li>PostgreSQL stopped (every session cut) in the middle of the homeroom teacher's batch, then started again;</li>
 *   <li>the TSA unreachable in the middle of the principal's batch, then back;</li>
 *   <li>kill -9 in the middle of the principal's resumed batch;</li>
 *   <li>kill -9 while the seal/LT/LTA job extends the documents;</li>
 *   <li>the TSA unreachable when that job is taken again: the job fails, and the admin board's page of process
 *       faults ({@link ProcessFaults}) shows the step, the TSA's message and the retries left; once the TSA is back
 *       the retry finishes;</li>
 *   <li>kill -9 while the export job writes the package; its cut write's temporary file, made older than the
 *       start-up sweep's threshold, is gone after the restart.</li>
 * </ol>
 * Then: every document signed exactly once per stage (document_signature and the signatures EU DSS finds in
 * the package), every person's signature audited exactly once, one stored file per recorded signature, one
 * export package recorded and stored, its manifest matching, no incident left. Runs in the {@code faults}
 * profile ({@code ./mvnw -Pfaults test}; {@code .ci/run} runs it after {@code verify}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "camunda.bpm.job-execution.enabled=false")
class YearEndFaultsOnPostgresIT {

    private static final Duration START = Duration.ofMinutes(5);
    private static final Duration STEP = Duration.ofMinutes(6);
    private static final String LTA_FILE = "5-lta.pdf";
    private static RestartablePostgres postgres;
    private static String url;
    private static Path dataDir;
    private static SwitchableTimeStampServer tsa;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        postgres = RestartablePostgres.start();
        url = postgres.create("year_end_faults");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        dataDir = TemporaryDataDirectory.register(registry, "hocba-year-end-faults");
    }

    @AfterAll
    static void stopEverything() {
        if (tsa != null) {
            tsa.close();
        }
        postgres.close();
        TemporaryDataDirectory.delete(dataDir);
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
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
    @Autowired
    SigningInstallation signing;
    @Autowired
    ProcessFaults faults;

    private final ChildRequests requests = new ChildRequests();
    private long started;

    @Test
    void databaseRestartTsaOutageAndKillsDuringPrincipalBatchLtaAndExportLoseNothingAndDuplicateNothing() throws Exception {
        var year = directory.activeYear(directory.schools().get(0).id()).orElseThrow();
        SchoolClass c = directory.classByCode(year.id(), "6A1").orElseThrow();
        long classId = c.id().value();
        new YearCompletion(directory, registry, load, results).completeTermTwo(c);
        new YearClosing(directory, registry, locks, yearEnd, summer, load, results).close(c);
        int students = registry.roster(c.id()).size();
        String homeroom = directory.homeroomOf(c.id()).orElseThrow().teacher().code().toLowerCase();
        tsa = SwitchableTimeStampServer.open(signing.developmentPki());
        String instance = workflow.start(c, new Actor("hieutruong", "PRINCIPAL", null));
        String path = "/api/classes/" + classId + "/year-documents";
        started = System.nanoTime();

        ChildApplication child = child();
        try {
            await("documents generated by the child", () -> task(instance, ClassDocumentsModel.TASK_SIGN_SUBJECT_SHEETS) != null);
            for (Task t = task(instance, ClassDocumentsModel.TASK_SIGN_SUBJECT_SHEETS); t != null;
                    t = task(instance, ClassDocumentsModel.TASK_SIGN_SUBJECT_SHEETS)) {
                workflow.signSubjectSheet(c, new Actor(t.getAssignee(), "SUBJECT_TEACHER", null));
            }
            await("transcripts generated by the child", () -> task(instance, ClassDocumentsModel.TASK_HOMEROOM_SIGNS) != null);
            long homeroomAll = 2L * students + 1;

            // 1. PostgreSQL stopped in the middle of the homeroom batch, started again 10 s later
            ChildApplication first = child;
            CompletableFuture<ApiClient.Reply> batch = CompletableFuture.supplyAsync(
                    () -> requests.post(first, homeroom, path + "/homeroom-signature"));
            await("homeroom batch under way", () -> signedAt(classId, "HOMEROOM_TEACHER") >= 5);
            long beforeStop = signedAt(classId, "HOMEROOM_TEACHER");
            postgres.stop();
            ChildApplication.pause(10_000);
            postgres.startAgain();
            ApiClient.Reply duringOutage = batch.get(STEP.toMinutes(), TimeUnit.MINUTES);
            long afterOutage = signedAt(classId, "HOMEROOM_TEACHER");
            log("PostgreSQL stopped at %d of %d homeroom signatures for 10 s: the batch answered %d %s; %d recorded",
                    beforeStop, homeroomAll, duringOutage.status(), duringOutage.body(), afterOutage);
            assertThat(child.isAlive()).as("the application survives a database restart").isTrue();
            assertThat(duringOutage.status()).as("the batch cut by the outage says so: 503, send again later").isEqualTo(503);
            assertThat(duringOutage.detail()).contains("cơ sở dữ liệu");
            ApiClient.Reply again = untilTheDatabaseAnswers(() -> requests.post(first, homeroom, path + "/homeroom-signature"));
            assertThat(again.status()).as(again.toString()).isEqualTo(200);
            assertThat(signedAt(classId, "HOMEROOM_TEACHER")).isEqualTo(homeroomAll);

            // 2. the TSA unreachable in the middle of the principal's batch, then back
            long principalAll = students + 1L;
            ChildApplication second = child;
            batch = CompletableFuture.supplyAsync(() -> requests.post(second, "hieutruong", path + "/principal-signature"));
            await("principal batch under way", () -> signedAt(classId, "PRINCIPAL") >= 3);
            tsa.stop();
            ApiClient.Reply withoutTsa = batch.get(STEP.toMinutes(), TimeUnit.MINUTES);
            long atTsaOutage = signedAt(classId, "PRINCIPAL");
            log("TSA closed at principal signature %d of %d: the batch answered %d %s", atTsaOutage, principalAll,
                    withoutTsa.status(), withoutTsa.body());
            assertThat(withoutTsa.status()).as("the batch says it did not finish").isBetween(400, 599);
            assertThat(withoutTsa.body().toString()).as("and why, in words").contains("dấu thời gian");
            assertThat(atTsaOutage).isLessThan(principalAll);
            tsa.start();

            // 3. kill -9 in the middle of the principal's resumed batch: the signatures table is held against writes
            // from before the batch (DatabaseHold), the kill comes once the batch waits to record its first chunk
            long principalAtKill;
            try (DatabaseHold writes = DatabaseHold.writesTo(dataSource, "document_signature")) {
                ChildApplication third = child;
                batch = CompletableFuture.supplyAsync(() -> requests.post(third, "hieutruong", path + "/principal-signature"));
                writes.awaitWriterBlockedOn("document_signature");
                child.kill();
                principalAtKill = signedAt(classId, "PRINCIPAL");
            }
            log("killed during the principal batch at %d of %d", principalAtKill, principalAll);
            assertThat(principalAtKill).as("killed before the batch ended").isLessThan(principalAll);
            assertThat(batch.get(1, TimeUnit.MINUTES).status()).isNotEqualTo(200);
            child = child();
            ApiClient.Reply principal = requests.post(child, "hieutruong", path + "/principal-signature");
            assertThat(principal.status()).as(principal.toString()).isEqualTo(200);
            assertThat(signedAt(classId, "PRINCIPAL")).isEqualTo(principalAll);

            // 4. kill -9 while the seal/LT/LTA job extends the documents (the sheets were extended before the transcripts)
            long sheetsExtended = storedFiles("signed", f -> f.endsWith(LTA_FILE));
            long ltaAtKill;
            try (DatabaseHold job = DatabaseHold.jobOf(dataSource, instance, ClassDocumentsModel.TASK_APPLY_SEAL)) {
                await("LT/LTA under way", () -> storedFiles("signed", f -> f.endsWith(LTA_FILE)) >= sheetsExtended + 3);
                child.kill();
                ltaAtKill = storedFiles("signed", f -> f.endsWith(LTA_FILE));
            }
            log("killed during LT/LTA at %d extended files (%d recorded)", ltaAtKill, signedAt(classId, "LONG_TERM"));
            assertThat(task(instance, ClassDocumentsModel.TASK_CLERK_ARCHIVES)).isNull();

            // 5. the TSA unreachable when the job is taken again (after its lock expires), then back
            tsa.stop();
            child = child();
            await("the seal/LTA job taken again and failing on the TSA", () -> failedStep(classId) != null);
            // what the admin board's page "Sự cố quy trình" shows (its service), not the engine's raw job
            ProcessFaults.Fault failed = failedStep(classId);
            log("job failed without the TSA, as the admin board sees it: %s", failed);
            assertThat(failed.process()).isEqualTo("Văn bản cả năm");
            assertThat(failed.step()).isEqualTo("Đóng dấu số của trường, gia hạn chữ ký dài hạn (LTA)");
            assertThat(failed.classCode() + " " + failed.yearName()).isEqualTo("6A1 " + year.name());
            assertThat(failed.retriesLeft()).as("retried, not an incident yet").isEqualTo(2);
            assertThat(failed.incident()).isFalse();
            assertThat(failed.message()).contains("Không nhận được dấu thời gian từ http://");
            assertThat(failed.nextRetry()).as("next try after the retry cycle's minute").isAfter(failed.failingSince());
            assertThat(failed.jobId()).isNotNull();
            assertThat(management.createJobQuery().processInstanceId(instance).activityId(ClassDocumentsModel.TASK_APPLY_SEAL)
                    .count()).isEqualTo(1);
            tsa.start();

            // 6. kill -9 while the export job writes the package
            try (DatabaseHold job = DatabaseHold.jobOf(dataSource, instance, ClassDocumentsModel.TASK_BUILD_EXPORT)) {
                await("export package being written", () -> storedFiles("exports", f -> true) > 0);
                child.kill();
            }
            log("killed during export with %s in exports/", storedFileNames("exports"));
            assertThat(task(instance, ClassDocumentsModel.TASK_CLERK_ARCHIVES)).as("the export job had not ended").isNull();
            // the cut write's temporary file made 16 minutes old, as if the node had stayed down that long: the
            // start-up sweep leaves younger ones (a write under way elsewhere) and must remove this one
            List<Path> aged = ageUnfinishedWrites();
            assertThat(aged).as("the kill cut the package's write").isNotEmpty();
            child = child();
            assertThat(unfinishedWritesOlderThanTheThreshold()).as("removed at start-up").isEmpty();
            log("restarted: %d temporary files of cut writes (made 16 min old) removed at start-up: %s", aged.size(),
                    aged.stream().map(f -> dataDir.relativize(f).toString()).toList());
            await("export package built after the restart", () -> task(instance, ClassDocumentsModel.TASK_CLERK_ARCHIVES) != null);

            assertNothingLostOrDuplicated(classId, students, homeroomAll, principalAll, instance);
            Map<String, byte[]> entries = ExportPackages.unzip(requests.download(child, "vanthu", path + "/package"));
            ExportPackages.assertManifestMatches(entries);
            ExportPackages.assertEverySignatureTotalPassedAtLta(entries, ExportPackages.teachersBySubject(directory, c.id()),
                    students, dataDir.resolve("pki"));
            log("6 faults, every document signed once per stage, audited, exported and verified (EU DSS); TSA issued %d",
                    tsa.issued.get());
        } finally {
            child.close();
        }
    }

    private void assertNothingLostOrDuplicated(long classId, int students, long homeroomAll, long principalAll,
            String instance) {
        assertThat(jdbc.sql("select count(*) from (select document_id from issued_document where class_id = ? "
                + "group by document_id having count(*) > 1) d").param(classId).query(Long.class).single())
                .as("no document issued twice").isZero();
        assertThat(signedAt(classId, "HOMEROOM_TEACHER")).isEqualTo(homeroomAll);
        assertThat(signedAt(classId, "PRINCIPAL")).isEqualTo(principalAll);
        assertThat(signedAt(classId, "SCHOOL_SEAL")).isEqualTo(principalAll);
        long documents = jdbc.sql("select count(distinct document_id) from document_signature where class_id = ?")
                .param(classId).query(Long.class).single();
        assertThat(signedAt(classId, "LONG_TERM")).as("every signed document extended (LTA) and recorded once")
                .isEqualTo(documents);
        List<String> notOnce = jdbc.sql("""
                select ds.document_id || ' ' || ds.stage || ' ' || (select count(*) from audit_entry a
                    where a.action = 'DOCUMENT_SIGNED' and a.target = 'document ' || ds.document_id and a.new_value = ds.sha256)
                from document_signature ds where ds.class_id = ? and ds.stage <> 'LONG_TERM'""").param(classId)
                .query(String.class).list().stream().filter(r -> !r.endsWith(" 1")).toList();
        assertThat(notOnce).as("signatures not audited exactly once").isEmpty();
        long recorded = jdbc.sql("select count(*) from document_signature where class_id = ?").param(classId)
                .query(Long.class).single();
        assertThat(storedFiles("signed", f -> f.endsWith(".pdf"))).as("one stored file per recorded signature")
                .isEqualTo(recorded);
        long packages = jdbc.sql("select count(*) from export_package where class_id = ?").param(classId)
                .query(Long.class).single();
        assertThat(packages).as("one export package version").isEqualTo(1);
        assertThat(storedFiles("exports", f -> f.endsWith(".zip"))).as("one stored package").isEqualTo(1);
        assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).as("no incident left").isZero();
        log("counts: %d documents, %d recorded signatures (= files), homeroom %d, principal %d, seal %d, LTA %d; "
                + "left-over temporary files: signed %s, exports %s", documents, recorded, homeroomAll, principalAll,
                principalAll, documents, storedFileNames("signed").stream().filter(f -> f.endsWith(".part")).toList(),
                storedFileNames("exports").stream().filter(f -> f.endsWith(".part")).toList());
    }

    private ChildApplication child() {
        return ChildApplication.start(Path.of("target", "child-logs", "year-end-faults.log"), START, List.of(
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres", "--hocba.data-dir=" + dataDir, "--hocba.demo.enabled=false",
                "--hocba.signing.time-stamping.urls=" + tsa.url(), "--hocba.signing.time-stamping.timeout=5s",
                "--camunda.bpm.job-execution.enabled=true",
                // a job held by a killed node is taken again after this long (longer than any job here)
                "--camunda.bpm.job-execution.lock-time-in-millis=60000",
                "--camunda.bpm.job-execution.wait-time-in-millis=1000", "--hocba.audit.checkpoints.schedule=-"));
    }

    /** The person sends the request again until the application reaches its restarted database (at most 2 minutes). */
    private ApiClient.Reply untilTheDatabaseAnswers(java.util.function.Supplier<ApiClient.Reply> request) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        ApiClient.Reply reply = request.get();
        while ((reply.status() == 503 || reply.status() == -1) && System.nanoTime() < deadline) {
            log("sent again: %d %s", reply.status(), reply.body());
            ChildApplication.pause(2000);
            reply = request.get();
        }
        return reply;
    }

    /** The class's failing process step as the admin board's page lists it, if any. */
    private ProcessFaults.Fault failedStep(long classId) {
        return faults.open(directory.schools().get(0).id()).stream().filter(f -> Long.valueOf(classId).equals(f.classId()))
                .findFirst().orElse(null);
    }

    private List<Path> ageUnfinishedWrites() throws java.io.IOException {
        List<Path> unfinished = unfinishedWrites();
        for (Path f : unfinished) {
            Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(Duration.ofMinutes(16))));
        }
        return unfinished;
    }

    /** Temporary files of cut writes older than the start-up sweep's threshold (15 minutes), anywhere in the data directory. */
    private List<Path> unfinishedWritesOlderThanTheThreshold() throws java.io.IOException {
        java.time.Instant threshold = java.time.Instant.now().minus(Duration.ofMinutes(15));
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

    private long storedFiles(String area, Predicate<String> name) {
        return storedFileNames(area).stream().filter(name).count();
    }

    private List<String> storedFileNames(String area) {
        Path root = dataDir.resolve(area);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString()).toList();
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return storedFileNames(area); // a file moved while walking: look again
        }
    }

    private long signedAt(long classId, String stage) {
        return jdbc.sql("select count(*) from document_signature where class_id = ? and stage = ?").params(classId, stage)
                .query(Long.class).single();
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

    private void log(String format, Object... args) {
        System.out.printf("[faults %4d s] %s%n", (System.nanoTime() - started) / 1_000_000_000, String.format(format, args));
    }
}
