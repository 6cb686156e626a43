package vn.hocba.gradebook.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.hocba.HocBaApplication;
import vn.hocba.audit.Actor;
import vn.hocba.gradebook.CellChange;
import vn.hocba.gradebook.MarkCell;
import vn.hocba.gradebook.MarkKind;
import vn.hocba.gradebook.MarkSheet;
import vn.hocba.gradebook.MarkSheets;
import vn.hocba.schoolyear.AssessedBy;
import vn.hocba.schoolyear.ColumnRange;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.TeachingAssignment;
import vn.hocba.support.EmbeddedPostgresDatabases;
import vn.hocba.gradebook.ClassResultsStore;

/**
 * Mark entry under load, through the service layer ({@link MarkSheets#save}: entry policy, lock
 * check, optimistic versions, audit, results recomputed), on embedded PostgreSQL with the demo
 * school: 200 simulated teachers (threads) released together (a burst), then starting at random
 * instants within 10 s and within 20 s (an open workload), each saving one regular column of a class
 * (every student); baseline: one teacher saving alone, in the same run. CPU per save of this JVM and
 * of the PostgreSQL server is reported ({@link CpuClock}): it sets the floor of a burst. Then the
 * import of a whole class (see {@link ClassImportRun}). Not a test; see bench/README.md.
 */
public final class MarkEntryBenchmark {

    private static final int TEACHERS = 200;
    private static final int ROUNDS = 5;
    private static final int ALONE = 40;
    private static final int SAVES_EACH = 3;
    private static final int[] PAUSE_MILLIS = {5_000, 15_000};

    /** A teacher's save: one regular column of term II of one class × subject. */
    record Job(TeachingAssignment assignment, int column, Actor by) {
    }

    /** How a teacher's save reaches the server. */
    interface Route {
        void save(Job job, List<CellChange> changes);
    }

    public static void main(String[] args) throws Exception {
        String url = EmbeddedPostgresDatabases.create("bench_marks");
        // Command-line arguments, not builder defaults: those lose to application.yml's H2 URL.
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(HocBaApplication.class).run(
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--camunda.bpm.job-execution.enabled=false", "--server.port=0", "--spring.datasource.hikari.connection-timeout=120000",
                "--logging.level.root=WARN", "--hocba.data-dir=" + System.getProperty("java.io.tmpdir") + "/hocba-bench")) {
            MarkSheets sheets = app.getBean(MarkSheets.class);
            List<Job> jobs = jobs(app.getBean(SchoolDirectory.class));
            Route service = (job, changes) -> save(sheets, job, changes);
            int students = sheets.sheet(jobs.get(0).assignment().schoolClass(), jobs.get(0).assignment().subject().id(), 2)
                    .students().size();
            System.out.printf("MarkEntryBenchmark: %d teachers × one %d-student column, %d rounds after 1 warm-up, pool %s, %d CPUs, %s%n",
                    TEACHERS, students, ROUNDS, app.getEnvironment().getProperty("spring.datasource.hikari.maximum-pool-size", "10"),
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
            CpuClock cpu = CpuClock.of(url);
            alone(service, sheets, jobs.get(0), 30);
            long jvmBefore = cpu.jvmNanos();
            long pgBefore = cpu.pgNanos();
            Latencies baseline = alone(service, sheets, jobs.get(0), ALONE);
            double jvmPerSave = (cpu.jvmNanos() - jvmBefore) / 1e6 / ALONE;
            double pgPerSave = (cpu.pgNanos() - pgBefore) / 1e6 / ALONE;
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.println("baseline: one teacher saving alone       " + baseline.summary());
            System.out.printf("  CPU per save: JVM %.1f ms + PostgreSQL %.1f ms: 200 saves at once need ≥ %.0f ms of %d cores%n",
                    jvmPerSave, pgPerSave, TEACHERS * (jvmPerSave + pgPerSave) / cores, cores);
            System.out.println("  results recompute of the class alone    " + recompute(app, jobs.get(0), ALONE).summary());
            concurrent(service, sheets, jobs, 0, 0);
            double[] medians = new double[ROUNDS];
            double[] p99s = new double[ROUNDS];
            List<Long> all = new ArrayList<>();
            for (int r = 1; r <= ROUNDS; r++) {
                long roundJvm = cpu.jvmNanos();
                long roundPg = cpu.pgNanos();
                Latencies round = concurrent(service, sheets, jobs, r, 0);
                medians[r - 1] = round.percentile(50);
                p99s[r - 1] = round.percentile(99);
                for (long n : round.nanos()) {
                    all.add(n);
                }
                System.out.printf("round %d: 200 teachers at once          %s, CPU/save JVM %.1f + PostgreSQL %.1f ms%n", r,
                        round.summary(), (cpu.jvmNanos() - roundJvm) / 1e6 / TEACHERS, (cpu.pgNanos() - roundPg) / 1e6 / TEACHERS);
            }
            Latencies pooled = new Latencies(all.stream().mapToLong(Long::longValue).toArray());
            System.out.printf("200 concurrent, median of round medians %.1f ms, median of round p99s %.1f ms; all rounds: %s%n",
                    Latencies.median(medians), Latencies.median(p99s), pooled.summary());
            System.out.printf("ratio to baseline: median %.1f×, p99 %.1f×%n", Latencies.median(medians) / baseline.percentile(50),
                    Latencies.median(p99s) / baseline.percentile(99));
            int round = ROUNDS;
            for (int window : new int[] {10_000, 20_000}) {
                for (int r = 1; r <= 3; r++) {
                    Latencies spread = concurrent(service, sheets, jobs, ++round, window);
                    System.out.printf("spread %d: 200 teachers within %d s    %s, ratio to baseline p99 %.1f×%n", r, window / 1000,
                            spread.summary(), spread.percentile(99) / baseline.percentile(99));
                }
            }
            overHttp(app, sheets, jobs, round);
            new ClassImportRun(app).run();
        }
    }

    /** One save per distinct class × subject first, then further regular columns (3, 4, …) of the same ones. */
    private static List<Job> jobs(SchoolDirectory directory) {
        var school = directory.schools().get(0);
        var year = directory.activeYear(school.id()).orElseThrow();
        Map<String, TeachingAssignment> pairs = new LinkedHashMap<>();
        directory.teachingAssignmentsOfYear(year.id()).forEach(t -> pairs.putIfAbsent(t.schoolClass().code() + "/" + t.subject().code(), t));
        List<TeachingAssignment> distinct = new ArrayList<>(pairs.values());
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < TEACHERS; i++) {
            TeachingAssignment t = distinct.get(i % distinct.size());
            jobs.add(new Job(t, 3 + i / distinct.size(), new Actor("bench" + i, "SUBJECT_TEACHER", "127.0.0.1")));
        }
        return jobs;
    }

    /** The part of a save that recomputes and stores the class's results (engine + JSON), alone, in its own transaction. */
    private static Latencies recompute(ConfigurableApplicationContext app, Job job, int times) {
        var store = app.getBean(ClassResultsStore.class);
        long[] nanos = new long[times];
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            store.recompute(job.assignment().schoolClass());
            nanos[i] = System.nanoTime() - start;
        }
        return new Latencies(nanos);
    }

    /**
     * The same teachers through the REST API over real HTTP, each logged in as the teacher assigned
     * to the column ({@code PUT …/marks}, bearer token, JSON; the answer carries the saved sheet):
     * one alone, the burst (2 rounds after a warm-up) and the open workload within 10 s (3 rounds).
     */
    private static void overHttp(ConfigurableApplicationContext app, MarkSheets sheets, List<Job> all, int round) throws Exception {
        HttpMarkEntry http = new HttpMarkEntry(app, all);
        List<Job> jobs = http.jobs();
        Route route = http::save;
        alone(route, sheets, jobs.get(0), 30);
        Latencies alone = alone(route, sheets, jobs.get(0), ALONE);
        System.out.println("HTTP: one teacher saving alone           " + alone.summary());
        concurrent(route, sheets, jobs, ++round, 0);
        for (int r = 1; r <= 2; r++) {
            System.out.println("HTTP round " + r + ": 200 teachers at once     " + concurrent(route, sheets, jobs, ++round, 0).summary());
        }
        for (int r = 1; r <= 3; r++) {
            Latencies spread = concurrent(route, sheets, jobs, ++round, 10_000);
            System.out.printf("HTTP spread %d: 200 teachers within 10 s %s, ratio to HTTP alone p99 %.1f×%n", r, spread.summary(),
                    spread.percentile(99) / alone.percentile(99));
        }
        Latencies working = working(route, sheets, jobs, round);
        System.out.printf("HTTP working: 200 teachers, %d saves each %d–%d s apart %s, ratio to HTTP alone p99 %.1f×%n", SAVES_EACH,
                PAUSE_MILLIS[0] / 1000, PAUSE_MILLIS[1] / 1000, working.summary(), working.percentile(99) / alone.percentile(99));
    }

    /**
     * The 200 teachers all at work at once: each starts within the first {@code PAUSE_MILLIS[1]}, then saves
     * {@link #SAVES_EACH} columns with a random pause between (reading the sheet again before each save is not timed).
     */
    private static Latencies working(Route route, MarkSheets sheets, List<Job> jobs, int round) throws Exception {
        java.util.Random random = new java.util.Random(round);
        long[][] pauses = new long[jobs.size()][SAVES_EACH];
        for (long[] teacher : pauses) {
            teacher[0] = random.nextInt(PAUSE_MILLIS[1]);
            for (int k = 1; k < SAVES_EACH; k++) {
                teacher[k] = PAUSE_MILLIS[0] + random.nextInt(PAUSE_MILLIS[1] - PAUSE_MILLIS[0]);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(jobs.size());
        try {
            List<Future<long[]>> done = new ArrayList<>();
            for (int i = 0; i < jobs.size(); i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    long[] nanos = new long[SAVES_EACH];
                    for (int k = 0; k < SAVES_EACH; k++) {
                        Thread.sleep(pauses[n][k]);
                        List<CellChange> changes = column(sheets, jobs.get(n), round + 1 + k);
                        long start = System.nanoTime();
                        route.save(jobs.get(n), changes);
                        nanos[k] = System.nanoTime() - start;
                    }
                    return nanos;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<long[]> teacher : done) {
                for (long n : teacher.get()) {
                    all.add(n);
                }
            }
            return new Latencies(all.stream().mapToLong(Long::longValue).toArray());
        } finally {
            pool.shutdown();
        }
    }

    private static Latencies alone(Route route, MarkSheets sheets, Job job, int saves) {
        long[] nanos = new long[saves];
        for (int i = 0; i < saves; i++) {
            List<CellChange> changes = column(sheets, job, i);
            long start = System.nanoTime();
            route.save(job, changes);
            nanos[i] = System.nanoTime() - start;
        }
        return new Latencies(nanos);
    }

    /** Each teacher starts after a random delay in [0, {@code windowMillis}) from the common start (0: all at once). */
    private static Latencies concurrent(Route route, MarkSheets sheets, List<Job> jobs, int round, int windowMillis) throws Exception {
        java.util.Random random = new java.util.Random(round);
        long[] delays = jobs.stream().mapToLong(j -> windowMillis == 0 ? 0 : random.nextInt(windowMillis)).toArray();
        List<List<CellChange>> changes = jobs.stream().map(j -> column(sheets, j, round)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(jobs.size());
        try {
            CountDownLatch ready = new CountDownLatch(jobs.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Long>> done = new ArrayList<>();
            for (int i = 0; i < jobs.size(); i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    Thread.sleep(delays[n]);
                    long start = System.nanoTime();
                    route.save(jobs.get(n), changes.get(n));
                    return System.nanoTime() - start;
                }));
            }
            ready.await();
            go.countDown();
            long[] nanos = new long[jobs.size()];
            for (int i = 0; i < nanos.length; i++) {
                nanos[i] = done.get(i).get();
            }
            return new Latencies(nanos);
        } finally {
            pool.shutdown();
        }
    }

    private static void save(MarkSheets sheets, Job job, List<CellChange> changes) {
        TeachingAssignment t = job.assignment();
        int changed = sheets.save(t.schoolClass(), t.subject().id(), 2, List.of(ColumnRange.WHOLE), changes, job.by());
        if (changed != changes.size()) {
            throw new IllegalStateException("expected " + changes.size() + " changed cells, got " + changed + " for " + job.assignment().schoolClass().code()
                    + "/" + job.assignment().subject().code() + " column " + job.column());
        }
    }

    /** Every student's cell of the job's column, with a value different from the stored one (alternating per round). */
    static List<CellChange> column(MarkSheets sheets, Job job, int round) {
        TeachingAssignment t = job.assignment();
        MarkSheet sheet = sheets.sheet(t.schoolClass(), t.subject().id(), 2);
        boolean comment = t.subject().assessment() == AssessedBy.COMMENT;
        String value = comment ? (round % 2 == 0 ? "Đ" : "CĐ") : (round % 2 == 0 ? "7" : "8");
        List<CellChange> changes = new ArrayList<>();
        for (MarkSheet.Student s : sheet.students()) {
            Integer version = sheet.cells().stream().filter(c -> c.studentId() == s.id() && c.kind() == MarkKind.REGULAR
                    && c.column() == job.column()).findFirst().map(MarkCell::version).orElse(null);
            changes.add(new CellChange(s.id(), MarkKind.REGULAR, job.column(), value, version));
        }
        return changes;
    }
}
