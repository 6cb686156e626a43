package vn.hocba.workflow.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.support.ThreadCpu;
import vn.hocba.workflow.ExportPackages;

/**
 * The whole demo school (8 classes) from complete marks to the 8 signed export packages, on
 * embedded PostgreSQL, every person's step through the HTTP API: TermClose HK I and HK II, YearEnd,
 * ClassDocuments (generation, subject sheets, homeroom teacher, principal, seal, LT/LTA, export).
 * Stage by stage for the whole school, class after class as a school would (or several classes at a time with
 * {@code -Dhocba.bench.parallel-classes=N}, as the teachers of different classes work at once); each run on a fresh
 * database. Prints wall times per stage and class, medians over the runs, and each stage's share.
 * Not a test; see bench/README.md. Arguments: the number of runs (default 3), then optionally the
 * school's size: classes and students per class (e.g. {@code 1 30 40}: the 1,200-student school of
 * issue 19, through {@code hocba.demo.classes} and {@code hocba.demo.students-per-class}).
 * {@code -Dhocba.bench.warm-up-classes=N}: first a whole school of N classes (same class size), printed but not
 * counted, so that the measured runs find the code compiled by the JIT as on a server that has been running: on a
 * fresh JVM the compilers' threads take 40 % of the first run's CPU (see bench/README.md).
 */
public final class SchoolYearBenchmark {

    private static final int PARALLEL_CLASSES = Integer.getInteger("hocba.bench.parallel-classes", 1);
    private static final int WARM_UP_CLASSES = Integer.getInteger("hocba.bench.warm-up-classes", 0);

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        String[] size = args.length > 2
                ? new String[] {"--hocba.demo.classes=" + args[1], "--hocba.demo.students-per-class=" + args[2]}
                : new String[0];
        if (WARM_UP_CLASSES > 0) {
            String[] warmUp = size.length > 0
                    ? new String[] {"--hocba.demo.classes=" + WARM_UP_CLASSES, size[1]}
                    : new String[] {"--hocba.demo.classes=" + WARM_UP_CLASSES};
            System.out.println("warm-up run (" + WARM_UP_CLASSES + " classes, not counted)");
            run(0, warmUp).print(System.out);
        }
        List<SchoolRun> results = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            SchoolRun result = run(run, size);
            results.add(result);
            System.out.println("run " + run + " of " + runs);
            result.print(System.out);
        }
        SchoolRun.printMedians(results, System.out);
    }

    private static SchoolRun run(int run, String... size) throws Exception {
        long contextStart = System.nanoTime();
        try (BenchSchool school = BenchSchool.start("bench_school_year_" + run, size)) {
            Duration startup = Duration.ofNanos(System.nanoTime() - contextStart);
            long marksStart = System.nanoTime();
            school.completeMarks();
            Duration marks = Duration.ofNanos(System.nanoTime() - marksStart);
            Map<String, ClassYearSteps> classes = new LinkedHashMap<>();
            for (SchoolClass c : school.classes()) {
                classes.put(c.code(), new ClassYearSteps(school, c.id().value(), c.code()));
            }
            long keysStart = System.nanoTime();
            long keysCpu = SchoolRun.cpuNanos();
            school.issueSigningKeys(); // setup, not timed: see BenchSchool.issueSigningKeys
            System.out.printf("signers' development keys made before the stages (not timed): %.1f s wall, %.1f JVM CPU-s%n",
                    (System.nanoTime() - keysStart) / 1e9, (SchoolRun.cpuNanos() - keysCpu) / 1e9);
            SchoolRun result = new SchoolRun(new ArrayList<>(classes.keySet()), startup, marks);
            Map<String, byte[]> packages = new LinkedHashMap<>();
            long wallStart = System.nanoTime();
            Map<String, Double> threadsBefore = ThreadCpu.of(ProcessHandle.current().pid());
            stage(result, classes, Stage.TERM_CLOSE_1, c -> c.closeTerm(1));
            stage(result, classes, Stage.TERM_CLOSE_2, c -> c.closeTerm(2));
            stage(result, classes, Stage.YEAR_END, ClassYearSteps::closeYear);
            stage(result, classes, Stage.DOCUMENTS, ClassYearSteps::generateDocuments);
            stage(result, classes, Stage.SUBJECT_SHEETS, ClassYearSteps::signSubjectSheets);
            stage(result, classes, Stage.TRANSCRIPTS, ClassYearSteps::generateTranscripts);
            stage(result, classes, Stage.HOMEROOM, ClassYearSteps::homeroomSigns);
            stage(result, classes, Stage.PRINCIPAL, ClassYearSteps::principalSigns);
            long sealStart = System.nanoTime();
            long sealCpu = SchoolRun.cpuNanos();
            forEachClass(classes, (code, c) -> {
                long cpu = SchoolRun.cpuNanos();
                Map<Stage, Duration> wall = c.sealAndExtend();
                result.recordSplit(code, wall, Duration.ofNanos(SchoolRun.cpuNanos() - cpu));
            });
            result.recordStages(List.of(Stage.SEAL, Stage.LONG_TERM), Duration.ofNanos(System.nanoTime() - sealStart),
                    Duration.ofNanos(SchoolRun.cpuNanos() - sealCpu));
            stage(result, classes, Stage.EXPORT, c -> {
                byte[] zip = c.export();
                synchronized (packages) {
                    packages.put(c.classCode(), zip);
                }
            });
            result.whole(Duration.ofNanos(System.nanoTime() - wallStart));
            System.out.println("JVM CPU-s of the stages by thread kind (live threads; the HTTP clients are \"other\"): "
                    + ThreadCpu.describe(ThreadCpu.minus(ThreadCpu.of(ProcessHandle.current().pid()), threadsBefore)));
            for (var entry : packages.entrySet()) {
                ExportPackages.assertManifestMatches(ExportPackages.unzip(entry.getValue()));
            }
            long databaseBytes = school.bean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("select pg_database_size(current_database())").query(Long.class).single();
            long storedBytes;
            try (var files = java.nio.file.Files.walk(school.dataDir())) {
                storedBytes = files.filter(java.nio.file.Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
            }
            System.out.printf("PostgreSQL database %.1f MB, data directory (documents, keys) %.1f MB, export packages %.1f MB%n",
                    databaseBytes / 1e6, storedBytes / 1e6, packages.values().stream().mapToLong(z -> z.length).sum() / 1e6);
            System.out.println("every one of the " + packages.size() + " export packages' manifests matches its files ("
                    + packages.values().stream().mapToLong(z -> z.length).sum() / 1024 + " KiB in all)");
            return result;
        }
    }

    private static void stage(SchoolRun result, Map<String, ClassYearSteps> classes, Stage stage, Consumer<ClassYearSteps> step) {
        long stageStart = System.nanoTime();
        long stageCpu = SchoolRun.cpuNanos();
        forEachClass(classes, (code, c) -> {
            long start = System.nanoTime();
            long cpu = SchoolRun.cpuNanos();
            step.accept(c);
            result.record(stage, code, Duration.ofNanos(System.nanoTime() - start), Duration.ofNanos(SchoolRun.cpuNanos() - cpu));
        });
        result.recordStage(stage, Duration.ofNanos(System.nanoTime() - stageStart),
                Duration.ofNanos(SchoolRun.cpuNanos() - stageCpu));
        // Progress as it goes: a 1,200-student school takes minutes per stage on a loaded machine.
        System.out.printf("%s: %.1f s wall, %.1f JVM CPU-s%n", stage, (System.nanoTime() - stageStart) / 1e9,
                (SchoolRun.cpuNanos() - stageCpu) / 1e9);
    }

    /**
     * The classes of a stage one after another ({@code -Dhocba.bench.parallel-classes=1}, the default, as in every
     * earlier figure), or that many classes at a time, as the teachers of a school's classes work at the same time.
     */
    private static void forEachClass(Map<String, ClassYearSteps> classes, BiConsumer<String, ClassYearSteps> step) {
        if (PARALLEL_CLASSES <= 1) {
            classes.forEach(step);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_CLASSES);
        try {
            List<Future<?>> running = new ArrayList<>();
            classes.forEach((code, c) -> running.add(pool.submit(() -> step.accept(code, c))));
            for (Future<?> each : running) {
                each.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a class's step failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private SchoolYearBenchmark() {
    }
}
