package vn.hocba.workflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.hocba.HocBaApplication;
import vn.hocba.documents.YearCompletion;
import vn.hocba.gradebook.ClassResultsStore;
import vn.hocba.gradebook.interchange.GradebookBulkLoad;
import vn.hocba.gradebook.MarkEntry;
import vn.hocba.gradebook.MarkKind;
import vn.hocba.pades.SignerRole;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.Staff;
import vn.hocba.security.Account;
import vn.hocba.security.Accounts;
import vn.hocba.signing.SignerCredentials;
import vn.hocba.students.EnrolledStudent;
import vn.hocba.students.StudentRegistry;
import vn.hocba.support.EmbeddedPostgresDatabases;
import vn.hocba.support.TemporaryDataDirectory;

/**
 * The whole application (embedded Tomcat on a random port, the demo school) on a fresh embedded
 * PostgreSQL database and a fresh data directory; the engine's job executor is off, so that the
 * benchmark runs each job itself with {@link ManagementService} and can time it.
 */
final class BenchSchool implements AutoCloseable {

    final ConfigurableApplicationContext app;
    final HttpApi api;
    private final Path dataDir;

    private BenchSchool(ConfigurableApplicationContext app, Path dataDir) {
        this.app = app;
        this.dataDir = dataDir;
        this.api = new HttpApi(app.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }

    static BenchSchool start(String database, String... moreArguments) {
        String url = EmbeddedPostgresDatabases.create(database);
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("hocba-" + database);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Command-line arguments, not builder defaults: those lose to application.yml's H2 URL.
        List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres", "--camunda.bpm.job-execution.enabled=false", "--server.port=0",
                "--spring.datasource.hikari.connection-timeout=120000", "--logging.level.root=WARN",
                "--hocba.data-dir=" + dataDir));
        arguments.addAll(List.of(moreArguments));
        ConfigurableApplicationContext app = new SpringApplicationBuilder(HocBaApplication.class)
                .run(arguments.toArray(String[]::new));
        return new BenchSchool(app, dataDir);
    }

    <T> T bean(Class<T> type) {
        return app.getBean(type);
    }

    Path dataDir() {
        return dataDir;
    }

    /**
     * The first class of the school (a component benchmark starts a school of one class), its marks complete and the
     * signers' keys made, taken through both term closes, the year end, the documents and every subject teacher's
     * sheet: where the components measured after the sheets start.
     */
    ClassYearSteps firstClassThroughSubjectSheets() {
        completeMarks();
        SchoolClass schoolClass = classes().get(0);
        ClassYearSteps steps = new ClassYearSteps(this, schoolClass.id().value(), schoolClass.code());
        issueSigningKeys();
        steps.closeTerm(1);
        steps.closeTerm(2);
        steps.closeYear();
        steps.generateDocuments();
        steps.signSubjectSheets();
        return steps;
    }

    List<SchoolClass> classes() {
        SchoolDirectory directory = bean(SchoolDirectory.class);
        var year = directory.activeYear(directory.schools().get(0).id()).orElseThrow();
        return directory.classes(year.id());
    }

    /**
     * What the demo school leaves out: term II of every class (as the end-to-end test does) and the
     * two term I mathematics finals that 9A2 is missing on purpose.
     */
    void completeMarks() {
        SchoolDirectory directory = bean(SchoolDirectory.class);
        StudentRegistry registry = bean(StudentRegistry.class);
        GradebookBulkLoad load = bean(GradebookBulkLoad.class);
        ClassResultsStore results = bean(ClassResultsStore.class);
        YearCompletion completion = new YearCompletion(directory, registry, load, results);
        for (SchoolClass schoolClass : classes()) {
            if (schoolClass.code().equals("9A2")) {
                List<MarkEntry> finals = new ArrayList<>();
                var maths = directory.gradeSubjects(schoolClass.yearId(), schoolClass.grade()).stream()
                        .filter(gs -> gs.subject().code().equals("TOAN")).findFirst().orElseThrow().subject();
                for (EnrolledStudent s : registry.roster(schoolClass.id())) {
                    if (s.numberInClass() == 3 || s.numberInClass() == 7) {
                        finals.add(new MarkEntry(schoolClass.id(), maths.id(), s.student().id(), 1, MarkKind.FINAL, 1,
                                new BigDecimal("6.5"), null));
                    }
                }
                load.marks(finals, "bench");
            }
            completion.completeTermTwo(schoolClass);
        }
    }

    /**
     * Every signer's development key pair, made before the timed stages: the development PKI makes a person's
     * key at their first signature (a real teacher's key is on their token or configured), so without this the
     * subject-sheet stage timed ≈ 25–60 RSA key generations of the benchmark's own setup (17 % of that stage in
     * session 16's profile). Issued with the title of the step that would have made them first (subject teachers
     * sign before homeroom teachers), so the certificates are the ones the stages would make.
     */
    void issueSigningKeys() {
        SchoolDirectory directory = bean(SchoolDirectory.class);
        Accounts accounts = bean(Accounts.class);
        SignerCredentials credentials = bean(SignerCredentials.class);
        BiConsumer<Staff, SignerRole> issue = (staff, role) -> credentials.person(
                accounts.byStaff(staff.id()).map(Account::username).orElse(null), staff.fullName(), role.title());
        classes().forEach(c -> directory.teachingAssignmentsOfClass(c.id())
                .forEach(a -> issue.accept(a.teacher(), SignerRole.SUBJECT_TEACHER)));
        classes().forEach(c -> directory.homeroomOf(c.id())
                .ifPresent(h -> issue.accept(h.teacher(), SignerRole.HOMEROOM_TEACHER)));
    }

    /** Runs the instance's jobs (and the jobs they create) until none is left, as the job executor would. */
    void runJobs(String processInstanceId) {
        ManagementService management = bean(ManagementService.class);
        for (List<Job> jobs = pending(management, processInstanceId); !jobs.isEmpty();
                jobs = pending(management, processInstanceId)) {
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
    }

    /** Runs the instance's pending job of one activity (e.g. the seal), once. */
    void runJob(String processInstanceId, String activityId) {
        ManagementService management = bean(ManagementService.class);
        Job job = management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).singleResult();
        if (job == null) {
            throw new IllegalStateException("no job of " + activityId + " in " + processInstanceId);
        }
        management.executeJob(job.getId());
    }

    private static List<Job> pending(ManagementService management, String processInstanceId) {
        return management.createJobQuery().processInstanceId(processInstanceId).withRetriesLeft().list();
    }

    @Override
    public void close() {
        app.close();
        TemporaryDataDirectory.delete(dataDir);
    }
}
