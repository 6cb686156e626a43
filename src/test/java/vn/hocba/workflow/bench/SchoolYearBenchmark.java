package vn.hocba.workflow.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import vn.hocba.pades.devpki.DevelopmentPki;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.support.PostgresCpu;
import vn.hocba.support.PostgresStatements;
import vn.hocba.support.SwitchableTimeStampServer;
import vn.hocba.support.TemporaryDataDirectory;

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
 * fresh JVM the compilers' threads take 40 % of the first run's CPU (see bench/README.md). That school runs in an
 * application context of its own, closed before the measured one starts; with
 * {@code -Dhocba.bench.warm-up-in-context=true} the N warm-up classes are instead N more classes of the measured
 * school, taken through every stage first in the same application context, as a server that has been running does
 * (no second application start whose code the compilers must also work through during the measured stages; see
 * bench/README.md, session 22). The measured classes are the same classes in both modes.
 * {@code -Dhocba.bench.pg-statements=true}: PostgreSQL's top statements per stage ({@link vn.hocba.support.PostgresStatements}).
 * {@code -Dhocba.bench.tsa-latency-ms=L}: the time-stamps come over HTTP from the development PKI's TSA served in this
 * JVM ({@link SwitchableTimeStampServer}) that answers each request L ms after it arrived, as a CA's TSA over the
 * internet does (the application as configured with {@code hocba.signing.time-stamping.urls}); without it, the
 * in-process TSA of issue 19's definition.
 */
public final class SchoolYearBenchmark {

    private static final int WARM_UP_CLASSES = Integer.getInteger("hocba.bench.warm-up-classes", 0);
    private static final boolean WARM_UP_IN_CONTEXT = Boolean.getBoolean("hocba.bench.warm-up-in-context");
    private static final int TSA_LATENCY_MS = Integer.getInteger("hocba.bench.tsa-latency-ms", -1);

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        String[] size = args.length > 2
                ? new String[] {"--hocba.demo.classes=" + args[1], "--hocba.demo.students-per-class=" + args[2]}
                : new String[0];
        int inContext = 0;
        if (WARM_UP_CLASSES > 0 && WARM_UP_IN_CONTEXT) {
            if (size.length == 0) {
                // The demo's class sizes (34–36) follow a class's place in the list: more classes would change them.
                throw new IllegalArgumentException("-Dhocba.bench.warm-up-in-context needs the school's size: runs classes students");
            }
            inContext = WARM_UP_CLASSES;
            size = new String[] {"--hocba.demo.classes=" + (Integer.parseInt(args[1]) + inContext), size[1]};
        } else if (WARM_UP_CLASSES > 0) {
            String[] warmUp = size.length > 0
                    ? new String[] {"--hocba.demo.classes=" + WARM_UP_CLASSES, size[1]}
                    : new String[] {"--hocba.demo.classes=" + WARM_UP_CLASSES};
            System.out.println("warm-up run (" + WARM_UP_CLASSES + " classes, not counted)");
            run(0, 0, warmUp).print(System.out);
        }
        List<SchoolRun> results = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            SchoolRun result = run(run, inContext, size);
            results.add(result);
            System.out.println("run " + run + " of " + runs);
            result.print(System.out);
        }
        SchoolRun.printMedians(results, System.out);
    }

    /** One school on a fresh database; its first {@code warmUpClasses} classes (see {@link #warmUpFirst}) not counted. */
    private static SchoolRun run(int run, int warmUpClasses, String... size) throws Exception {
        if (TSA_LATENCY_MS < 0) {
            return run(run, warmUpClasses, size, new String[0]);
        }
        Path pkiDirectory = Files.createTempDirectory("hocba-bench-pki");
        try (SwitchableTimeStampServer tsa = SwitchableTimeStampServer.open(DevelopmentPki.openOrCreate(pkiDirectory))
                .answerAfter(Duration.ofMillis(TSA_LATENCY_MS))) {
            System.out.println("time-stamps over HTTP from " + tsa.url() + ", each answered " + TSA_LATENCY_MS
                    + " ms after its request");
            SchoolRun result = run(run, warmUpClasses, size, new String[] {"--hocba.signing.development-pki=" + pkiDirectory,
                    "--hocba.signing.time-stamping.urls=" + tsa.url()});
            System.out.println("time-stamps issued over HTTP in the run: " + tsa.issued.get());
            return result;
        } finally {
            TemporaryDataDirectory.delete(pkiDirectory);
        }
    }

    private static SchoolRun run(int run, int warmUpClasses, String[] size, String[] signing) throws Exception {
        long contextStart = System.nanoTime();
        String[] arguments = Stream.concat(Arrays.stream(size), Arrays.stream(signing)).toArray(String[]::new);
        try (BenchSchool school = BenchSchool.start("bench_school_year_" + run, arguments)) {
            Duration startup = Duration.ofNanos(System.nanoTime() - contextStart);
            long marksStart = System.nanoTime();
            school.completeMarks();
            Duration marks = Duration.ofNanos(System.nanoTime() - marksStart);
            List<SchoolClass> all = school.classes();
            List<String> warmUp = warmUpFirst(all.size(), warmUpClasses);
            Map<String, ClassYearSteps> warmUpSteps = new LinkedHashMap<>();
            Map<String, ClassYearSteps> measured = new LinkedHashMap<>();
            for (SchoolClass c : all) {
                (warmUp.contains(c.code()) ? warmUpSteps : measured)
                        .put(c.code(), new ClassYearSteps(school, c.id().value(), c.code()));
            }
            PostgresCpu database = PostgresCpu.of(school.bean(org.springframework.jdbc.core.simple.JdbcClient.class));
            PostgresStatements statements = PostgresStatements.of(school.bean(org.springframework.jdbc.core.simple.JdbcClient.class));
            long keysStart = System.nanoTime();
            long keysCpu = SchoolRun.cpuNanos();
            school.issueSigningKeys(); // setup, not timed: see BenchSchool.issueSigningKeys
            System.out.printf("signers' development keys made before the stages (not timed): %.1f s wall, %.1f JVM CPU-s%n",
                    (System.nanoTime() - keysStart) / 1e9, (SchoolRun.cpuNanos() - keysCpu) / 1e9);
            if (!warmUpSteps.isEmpty()) {
                System.out.println("warm-up classes " + warmUpSteps.keySet() + " in the same application context (not counted)");
                new SchoolStages(warmUpSteps, startup, marks, database, statements).run().print(System.out);
                System.out.println("measured classes " + measured.keySet());
            }
            SchoolStages stages = new SchoolStages(measured, startup, marks, database, statements);
            SchoolRun result = stages.run();
            Map<String, byte[]> packages = stages.packages();
            long databaseBytes = school.bean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("select pg_database_size(current_database())").query(Long.class).single();
            long storedBytes;
            try (var files = java.nio.file.Files.walk(school.dataDir())) {
                storedBytes = files.filter(java.nio.file.Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
            }
            System.out.printf("PostgreSQL database %.1f MB, data directory (documents, keys) %.1f MB, export packages %.1f MB%s%n",
                    databaseBytes / 1e6, storedBytes / 1e6, packages.values().stream().mapToLong(z -> z.length).sum() / 1e6,
                    warmUpSteps.isEmpty() ? "" : " (database and directory include the warm-up classes)");
            System.out.println("every one of the " + packages.size() + " export packages' manifests matches its files ("
                    + packages.values().stream().mapToLong(z -> z.length).sum() / 1024 + " KiB in all)");
            return result;
        }
    }

    /**
     * The warm-up classes of a school of {@code classes} classes: those that a school of {@code classes - warmUp}
     * classes would not have (the demo spreads classes over grades 6–9 as in {@code DemoSize}), so that the measured
     * classes are the very classes (codes, grades, subjects) of the school measured without a warm-up in context.
     */
    static List<String> warmUpFirst(int classes, int warmUp) {
        List<String> measured = demoClassCodes(classes - warmUp);
        return demoClassCodes(classes).stream().filter(c -> !measured.contains(c)).toList();
    }

    /** The demo school's class codes for a size: grade 6 first, the lower grades get the extra classes. */
    private static List<String> demoClassCodes(int classes) {
        List<String> codes = new ArrayList<>();
        for (int g = 0; g < 4; g++) {
            int inGrade = classes / 4 + (g < classes % 4 ? 1 : 0);
            for (int n = 1; n <= inGrade; n++) {
                codes.add((6 + g) + "A" + n);
            }
        }
        return codes;
    }

    private SchoolYearBenchmark() {
    }
}
