package vn.hocba.workflow.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hocba.audit.Actor;
import vn.hocba.documents.AssessmentScope;
import vn.hocba.documents.ClassDocuments;
import vn.hocba.documents.DocumentKind;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.signing.SubjectSheetSigning;
import vn.hocba.storage.ObjectStore;
import vn.hocba.support.ThreadCpu;

/**
 * The job after the subject sheets ("sheets LT/LTA + transcripts" of {@link SchoolYearBenchmark}), repeated on one
 * class: the class goes through the year up to its subject teachers' signatures, then each round (1) extends the 15
 * signed sheets to LT/LTA ({@link SubjectSheetSigning#finish}) and (2) generates the transcripts and the class
 * gradebook that cite them ({@link ClassDocuments#generate}), each in one transaction as the process's job runs them.
 * Before each round what the previous round made is removed (benchmark only: the sheets' LT/LTA files and rows, the
 * transcripts' and gradebook's rows; their files are discarded by the next issue as a rolled-back generation's).
 * Printed per round and part: CPU of the calling thread, of the render pool, and of the whole JVM (JIT and GC too).
 * Arguments: rounds (default 12), students per class (default 40). Not a test; see bench/README.
 */
public final class TranscriptJobBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        String students = args.length > 1 ? args[1] : "40";
        try (BenchSchool school = BenchSchool.start("bench_transcripts", "--hocba.demo.classes=1",
                "--hocba.demo.students-per-class=" + students)) {
            school.firstClassThroughSubjectSheets();
            SchoolClass schoolClass = school.classes().get(0);
            SubjectSheetSigning sheets = school.bean(SubjectSheetSigning.class);
            ClassDocuments documents = school.bean(ClassDocuments.class);
            JdbcClient jdbc = school.bean(JdbcClient.class);
            ObjectStore objects = school.bean(ObjectStore.class);
            TransactionTemplate transaction = new TransactionTemplate(school.bean(PlatformTransactionManager.class));
            Actor by = new Actor("hieutruong", "WORKFLOW", null);
            long classId = schoolClass.id().value();
            List<double[]> extension = new ArrayList<>();
            List<double[]> generation = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                if (round > 1) {
                    undo(jdbc, objects, classId, schoolClass.code());
                }
                extension.add(measure(() -> transaction.executeWithoutResult(s -> sheets.finish(schoolClass.id()))));
                generation.add(measure(() -> transaction.executeWithoutResult(s -> documents.generate(schoolClass.id(),
                        AssessmentScope.YEAR, by, UnaryOperator.identity(),
                        java.util.EnumSet.of(DocumentKind.TRANSCRIPT, DocumentKind.CLASS_GRADEBOOK)))));
                System.out.printf(Locale.ROOT, "round %d: sheets LT/LTA %s | transcripts + gradebook %s (load %.2f)%n",
                        round, describe(extension.get(round - 1)), describe(generation.get(round - 1)),
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
            int from = Math.min(2, rounds - 1);
            System.out.printf(Locale.ROOT, "median of rounds %d..%d: sheets LT/LTA %s | transcripts + gradebook %s%n",
                    from + 1, rounds, describe(medians(extension.subList(from, rounds))),
                    describe(medians(generation.subList(from, rounds))));
        }
    }

    /** What a round made, removed so the next round makes it again: the sheets' LT/LTA and the cited documents. */
    private static void undo(JdbcClient jdbc, ObjectStore objects, long classId, String classCode) {
        List<String> sheets = jdbc.sql("select document_id from document_signature where class_id = ? and stage = ?")
                .params(classId, "LONG_TERM").query(String.class).list();
        for (String sheet : sheets) {
            objects.discardUnrecorded("signed/" + classCode + "/" + sheet + "/5-lta.pdf");
        }
        jdbc.sql("delete from document_signature where class_id = ? and stage = ?").params(classId, "LONG_TERM").update();
        jdbc.sql("delete from issued_document where class_id = ? and scope = 'YEAR' and kind in ('TRANSCRIPT', "
                + "'CLASS_GRADEBOOK')").param(classId).update();
    }

    /** Calling thread's CPU ms, the render pool's CPU ms, the JVM's CPU ms, wall ms. */
    private static double[] measure(Runnable work) {
        long pid = ProcessHandle.current().pid();
        Map<String, Double> before = ThreadCpu.of(pid);
        long thread = THREADS.getCurrentThreadCpuTime();
        long process = SchoolRun.cpuNanos();
        long wall = System.nanoTime();
        work.run();
        double[] result = {(THREADS.getCurrentThreadCpuTime() - thread) / 1e6,
                1000 * ThreadCpu.minus(ThreadCpu.of(pid), before).getOrDefault("render pool", 0.0),
                (SchoolRun.cpuNanos() - process) / 1e6, (System.nanoTime() - wall) / 1e6};
        return result;
    }

    private static String describe(double[] ms) {
        return String.format(Locale.ROOT, "caller %.0f ms, render pool %.0f ms, JVM %.0f ms CPU, wall %.0f ms",
                ms[0], ms[1], ms[2], ms[3]);
    }

    private static double[] medians(List<double[]> rows) {
        double[] result = new double[rows.get(0).length];
        for (int i = 0; i < result.length; i++) {
            int column = i;
            double[] sorted = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
            int n = sorted.length;
            result[i] = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
        return result;
    }
}
