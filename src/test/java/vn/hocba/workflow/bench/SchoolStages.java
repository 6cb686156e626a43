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
import vn.hocba.support.PostgresCpu;
import vn.hocba.support.PostgresStatements;
import vn.hocba.support.RsaMeter;
import vn.hocba.support.ThreadCpu;
import vn.hocba.workflow.ExportPackages;

/**
 * The year's stages for some classes of a running school (all of them, or the classes measured after others of the
 * same school warmed the code up): term closes, year end, documents, signatures, LT/LTA and export, stage by stage,
 * wall and JVM CPU time per stage and class, the JVM's CPU by thread kind, and every export package's manifest checked.
 */
final class SchoolStages {

    private static final int PARALLEL_CLASSES = Integer.getInteger("hocba.bench.parallel-classes", 1);
    /** The RSA private-key operations counted ({@code -Dhocba.bench.rsa-meter=true}); null when not asked. */
    private static final RsaMeter RSA = RsaMeter.WANTED ? RsaMeter.install() : null;

    private final Map<String, ClassYearSteps> classes;
    private final SchoolRun result;
    private final Map<String, byte[]> packages = new LinkedHashMap<>();
    private final PostgresCpu database;
    private final PostgresStatements statements;

    SchoolStages(Map<String, ClassYearSteps> classes, Duration startup, Duration marks, PostgresCpu database,
            PostgresStatements statements) {
        this.classes = classes;
        this.database = database;
        this.statements = statements;
        this.result = new SchoolRun(new ArrayList<>(classes.keySet()), startup, marks);
    }

    /** Runs every stage for the classes, prints the CPU by thread kind and checks the packages. */
    SchoolRun run() throws Exception {
        long wallStart = System.nanoTime();
        long rsaBefore = RSA == null ? 0 : RSA.count();
        double rsaSecondsBefore = RSA == null ? 0 : RSA.seconds();
        Map<String, Double> threadsBefore = ThreadCpu.of(ProcessHandle.current().pid());
        double databaseBefore = database.seconds();
        stage(Stage.TERM_CLOSE_1, c -> c.closeTerm(1));
        stage(Stage.TERM_CLOSE_2, c -> c.closeTerm(2));
        stage(Stage.YEAR_END, ClassYearSteps::closeYear);
        stage(Stage.DOCUMENTS, ClassYearSteps::generateDocuments);
        stage(Stage.SUBJECT_SHEETS, ClassYearSteps::signSubjectSheets);
        stage(Stage.TRANSCRIPTS, ClassYearSteps::generateTranscripts);
        stage(Stage.HOMEROOM, ClassYearSteps::homeroomSigns);
        stage(Stage.PRINCIPAL, ClassYearSteps::principalSigns);
        long sealStart = System.nanoTime();
        long sealCpu = SchoolRun.cpuNanos();
        long sealRsa = RSA == null ? 0 : RSA.count();
        statements.reset();
        forEachClass((code, c) -> {
            long cpu = SchoolRun.cpuNanos();
            Map<Stage, Duration> wall = c.sealAndExtend();
            result.recordSplit(code, wall, Duration.ofNanos(SchoolRun.cpuNanos() - cpu));
        });
        result.recordStages(List.of(Stage.SEAL, Stage.LONG_TERM), Duration.ofNanos(System.nanoTime() - sealStart),
                Duration.ofNanos(SchoolRun.cpuNanos() - sealCpu));
        System.out.printf("SEAL + LONG_TERM: %.1f s wall, %.1f JVM CPU-s%s (ended %s)%n", (System.nanoTime() - sealStart) / 1e9,
                (SchoolRun.cpuNanos() - sealCpu) / 1e9, rsaSince(sealRsa), java.time.LocalTime.now(java.time.ZoneOffset.UTC).withNano(0));
        statements.printTop("SEAL + LONG_TERM", System.out);
        stage(Stage.EXPORT, c -> {
            byte[] zip = c.export();
            synchronized (packages) {
                packages.put(c.classCode(), zip);
            }
        });
        result.whole(Duration.ofNanos(System.nanoTime() - wallStart));
        System.out.printf("PostgreSQL CPU-s of the stages (its own processes, not in the JVM's figures): %.1f%n",
                database.seconds() - databaseBefore);
        System.out.println("JVM CPU-s of the stages by thread kind (live threads; the HTTP clients are \"other\"): "
                + ThreadCpu.describe(ThreadCpu.minus(ThreadCpu.of(ProcessHandle.current().pid()), threadsBefore)));
        if (RSA != null) {
            long operations = RSA.count() - rsaBefore;
            double alone = RsaMeter.cpuMillisOfOne();
            System.out.printf("RSA private-key operations of the stages: %d, %.1f s elapsed inside them; at %.3f ms CPU each "
                    + "(one RSA-2048 signature alone, measured now) %.1f CPU-s%n", operations, RSA.seconds() - rsaSecondsBefore,
                    alone, operations * alone / 1000);
            System.out.println("the development PKI's stand-ins answered (all runs so far in this JVM): " + RSA.standInCalls());
        }
        for (var entry : packages.entrySet()) {
            ExportPackages.assertManifestMatches(ExportPackages.unzip(entry.getValue()));
        }
        return result;
    }

    /** The export packages made by {@link #run}, by class code. */
    Map<String, byte[]> packages() {
        return packages;
    }

    /** ", N RSA private-key operations" since the meter read {@code before}; empty when the meter is off. */
    private static String rsaSince(long before) {
        return RSA == null ? "" : ", " + (RSA.count() - before) + " RSA private-key operations";
    }

    private void stage(Stage stage, Consumer<ClassYearSteps> step) {
        long stageStart = System.nanoTime();
        long stageCpu = SchoolRun.cpuNanos();
        double stageDatabase = database.seconds();
        Map<String, Double> databaseProcesses = database.byProcess();
        long rsaBefore = RSA == null ? 0 : RSA.count();
        statements.reset();
        forEachClass((code, c) -> {
            long start = System.nanoTime();
            long cpu = SchoolRun.cpuNanos();
            step.accept(c);
            result.record(stage, code, Duration.ofNanos(System.nanoTime() - start), Duration.ofNanos(SchoolRun.cpuNanos() - cpu));
        });
        result.recordStage(stage, Duration.ofNanos(System.nanoTime() - stageStart),
                Duration.ofNanos(SchoolRun.cpuNanos() - stageCpu));
        // Progress as it goes: a 1,200-student school takes minutes per stage on a loaded machine.
        // With the moment it ended (UTC), so a profile's samples can be cut to a stage's window.
        System.out.printf("%s: %.1f s wall, %.1f JVM CPU-s, %.1f PostgreSQL CPU-s%s (ended %s)%n", stage,
                (System.nanoTime() - stageStart) / 1e9, (SchoolRun.cpuNanos() - stageCpu) / 1e9,
                database.seconds() - stageDatabase, rsaSince(rsaBefore),
                java.time.LocalTime.now(java.time.ZoneOffset.UTC).withNano(0));
        System.out.println("  PostgreSQL CPU-s by process: "
                + ThreadCpu.describe(ThreadCpu.minus(database.byProcess(), databaseProcesses).entrySet().stream()
                        .filter(e -> e.getValue() >= 0.05).collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                                Map.Entry::getValue))));
        statements.printTop(stage.toString(), System.out);
    }

    /**
     * The classes of a stage one after another ({@code -Dhocba.bench.parallel-classes=1}, the default, as in every
     * earlier figure), or that many classes at a time, as the teachers of a school's classes work at the same time.
     */
    private void forEachClass(BiConsumer<String, ClassYearSteps> step) {
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
}
