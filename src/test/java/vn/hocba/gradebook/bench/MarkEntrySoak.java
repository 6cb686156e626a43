package vn.hocba.gradebook.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
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
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.TeachingAssignment;
import vn.hocba.support.EmbeddedPostgresDatabases;

/**
 * Issue 18 item 4, a soak (not a test): on embedded PostgreSQL with the demo school, 200 teachers save term II
 * marks over real HTTP as themselves for {@code minutes} (default 10) — an open workload, each teacher
 * reading the sheet, saving every student's cell of their own column, then pausing 5–15 s — while class 6A1's
 * year documents go through the ClassDocuments process on the engine's job executor (generation, every
 * signature, seal, LT/LTA, export package; {@link SoakClassDocuments}). At the end every cell is compared with
 * the last value its teacher saved: a difference is a lost update. Prints saves, errors, lost updates and the
 * latency percentiles over the whole run and while the documents were being made. See bench/README.md.
 * <pre>java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) vn.hocba.gradebook.bench.MarkEntrySoak [minutes] [teachers]</pre>
 */
public final class MarkEntrySoak {

    private static final String DOCUMENTS_CLASS = "6A1";
    private static final int[] PAUSE_MILLIS = {5_000, 15_000};

    /** One timed save: when it started (ms since the soak began) and how long it took. */
    record Save(long startMillis, long nanos) {
    }

    public static void main(String[] args) throws Exception {
        double minutes = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        int teachers = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        String url = EmbeddedPostgresDatabases.create("bench_soak");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(HocBaApplication.class).run(
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--camunda.bpm.job-execution.enabled=true", "--server.port=0", "--logging.level.root=WARN",
                // the production pool (Hikari's default wait of 30 s), not the tests' 2 s from src/test/resources
                "--spring.datasource.hikari.connection-timeout=30000",
                "--hocba.data-dir=" + System.getProperty("java.io.tmpdir") + "/hocba-soak-" + System.currentTimeMillis())) {
            MarkSheets sheets = app.getBean(MarkSheets.class);
            SchoolDirectory directory = app.getBean(SchoolDirectory.class);
            SoakClassDocuments documents = new SoakClassDocuments(app, DOCUMENTS_CLASS);
            documents.closeTheYear();
            HttpMarkEntry http = new HttpMarkEntry(app, jobs(directory, teachers));
            List<MarkEntryBenchmark.Job> jobs = http.jobs();
            System.out.printf("MarkEntrySoak: %d teachers (%d columns of %d class × subject pairs, not %s) for %.1f min, "
                    + "pauses %d–%d s; class %s's year documents on the job executor; %d CPUs, %s%n", jobs.size(), jobs.size(),
                    jobs.stream().map(j -> j.assignment().schoolClass().code() + j.assignment().subject().code()).distinct().count(),
                    DOCUMENTS_CLASS, minutes, PAUSE_MILLIS[0] / 1000, PAUSE_MILLIS[1] / 1000, DOCUMENTS_CLASS,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));

            long begin = System.nanoTime();
            long end = begin + (long) (minutes * 60e9);
            Map<MarkEntryBenchmark.Job, Map<Long, String>> lastSaved = new HashMap<>();
            jobs.forEach(j -> lastSaved.put(j, new HashMap<>()));
            ConcurrentLinkedQueue<Save> saves = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
            AtomicInteger refusedBusy = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(jobs.size() + 1);
            try {
                Future<SoakClassDocuments.Timings> flow = pool.submit(() -> documents.run(begin));
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < jobs.size(); i++) {
                    MarkEntryBenchmark.Job job = jobs.get(i);
                    Random random = new Random(i);
                    done.add(pool.submit(() -> {
                        Thread.sleep(random.nextInt(PAUSE_MILLIS[1]));
                        while (System.nanoTime() < end) {
                            Map<Long, String> values = new LinkedHashMap<>();
                            long start = System.nanoTime();
                            try {
                                List<CellChange> changes = changes(sheets, job, values);
                                start = System.nanoTime();
                                http.save(job, changes);
                                saves.add(new Save((start - begin) / 1_000_000, System.nanoTime() - start));
                                lastSaved.get(job).putAll(values);
                            } catch (RuntimeException e) {
                                errors.add(job.assignment().schoolClass().code() + "/" + job.assignment().subject().code()
                                        + " column " + job.column() + ": " + e.getMessage());
                            }
                            Thread.sleep(PAUSE_MILLIS[0] + random.nextInt(PAUSE_MILLIS[1] - PAUSE_MILLIS[0]));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
                SoakClassDocuments.Timings timings = flow.get();
                report(saves, errors, lostUpdates(sheets, lastSaved), timings, (System.nanoTime() - begin) / 1e9);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static void report(ConcurrentLinkedQueue<Save> saves, ConcurrentLinkedQueue<String> errors, List<String> lost,
            SoakClassDocuments.Timings timings, double seconds) {
        Latencies all = new Latencies(saves.stream().mapToLong(Save::nanos).toArray());
        Latencies during = new Latencies(saves.stream().filter(s -> s.startMillis() >= timings.startMillis()
                && s.startMillis() <= timings.endMillis()).mapToLong(Save::nanos).toArray());
        System.out.printf("soak: %.0f s, %d saves (%.1f/s), errors %d, lost updates %d%n", seconds, saves.size(),
                saves.size() / seconds, errors.size(), lost.size());
        System.out.println("saves, whole soak:                         " + all.summary());
        if (during.nanos().length > 0) {
            System.out.println("saves while 6A1's documents were made:     " + during.summary());
        }
        System.out.println("class documents: " + timings);
        errors.stream().limit(10).forEach(e -> System.out.println("  error: " + e));
        lost.stream().limit(10).forEach(l -> System.out.println("  lost: " + l));
    }

    /** Every cell whose stored value is not the last value its teacher saved. */
    private static List<String> lostUpdates(MarkSheets sheets, Map<MarkEntryBenchmark.Job, Map<Long, String>> lastSaved) {
        List<String> lost = new ArrayList<>();
        lastSaved.forEach((job, values) -> {
            TeachingAssignment t = job.assignment();
            MarkSheet sheet = sheets.sheet(t.schoolClass(), t.subject().id(), 2);
            values.forEach((student, value) -> {
                String stored = sheet.cells().stream().filter(c -> c.studentId() == student && c.kind() == MarkKind.REGULAR
                        && c.column() == job.column()).findFirst().map(MarkCell::value).orElse(null);
                if (!sameMark(value, stored)) {
                    lost.add(t.schoolClass().code() + "/" + t.subject().code() + " column " + job.column() + " student "
                            + student + ": saved " + value + ", stored " + stored);
                }
            });
        });
        return lost;
    }

    /** The same mark whatever its written form: a score is stored as "7.0" when "7" was saved; comments compare as text. */
    private static boolean sameMark(String saved, String stored) {
        if (saved == null || stored == null) {
            return saved == stored;
        }
        try {
            return new java.math.BigDecimal(saved).compareTo(new java.math.BigDecimal(stored)) == 0;
        } catch (NumberFormatException e) {
            return saved.equals(stored);
        }
    }

    /** Every student's cell of the job's column changed from what the sheet holds now (7↔8, Đ↔CĐ). */
    private static List<CellChange> changes(MarkSheets sheets, MarkEntryBenchmark.Job job, Map<Long, String> values) {
        TeachingAssignment t = job.assignment();
        MarkSheet sheet = sheets.sheet(t.schoolClass(), t.subject().id(), 2);
        boolean comment = t.subject().assessment() == AssessedBy.COMMENT;
        List<CellChange> changes = new ArrayList<>();
        for (MarkSheet.Student s : sheet.students()) {
            MarkCell cell = sheet.cells().stream().filter(c -> c.studentId() == s.id() && c.kind() == MarkKind.REGULAR
                    && c.column() == job.column()).findFirst().orElse(null);
            String now = cell == null ? null : cell.value();
            String value = comment ? ("Đ".equals(now) ? "CĐ" : "Đ") : (sameMark("7", now) ? "8" : "7");
            values.put(s.id(), value);
            changes.add(new CellChange(s.id(), MarkKind.REGULAR, job.column(), value, cell == null ? null : cell.version()));
        }
        return changes;
    }

    /** {@code teachers} columns (3, 4, 5 …) of the class × subject pairs of every class but the documents class. */
    private static List<MarkEntryBenchmark.Job> jobs(SchoolDirectory directory, int teachers) {
        var year = directory.activeYear(directory.schools().get(0).id()).orElseThrow();
        Map<String, TeachingAssignment> pairs = new LinkedHashMap<>();
        directory.teachingAssignmentsOfYear(year.id()).stream()
                .filter(t -> !t.schoolClass().code().equals(DOCUMENTS_CLASS))
                .forEach(t -> pairs.putIfAbsent(t.schoolClass().code() + "/" + t.subject().code(), t));
        List<TeachingAssignment> distinct = new ArrayList<>(pairs.values());
        List<MarkEntryBenchmark.Job> jobs = new ArrayList<>();
        for (int i = 0; i < teachers; i++) {
            TeachingAssignment t = distinct.get(i % distinct.size());
            jobs.add(new MarkEntryBenchmark.Job(t, 3 + i / distinct.size(), new Actor("soak" + i, "SUBJECT_TEACHER", null)));
        }
        return jobs;
    }

    static SchoolClass classByCode(SchoolDirectory directory, String code) {
        var year = directory.activeYear(directory.schools().get(0).id()).orElseThrow();
        return directory.classByCode(year.id(), code).orElseThrow();
    }
}
