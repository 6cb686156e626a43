package vn.hocba.grading.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.hocba.grading.ClassGradebook;
import vn.hocba.grading.ClassResults;
import vn.hocba.grading.Explanation;
import vn.hocba.grading.Mark;
import vn.hocba.grading.RandomClasses;
import vn.hocba.grading.RuleSets;
import vn.hocba.grading.StudentRecord;
import vn.hocba.grading.StudentResults;
import vn.hocba.grading.Subject;
import vn.hocba.grading.SubjectMarks;
import vn.hocba.grading.TermMarks;
import vn.hocba.grading.json.GradebookJson;
import vn.hocba.grading.json.ResultsJson;

/**
 * Students computed per second on one thread, for classes like the demo school's (35 students ×
 * 12 THCS subjects, mixed marks). Not a test; see bench/README.md for how to run it.
 *
 * <p>Measures, in the same run: a baseline (term and year averages in binary floating point, no
 * rules: the least work that touches every mark), the TT22 engine alone (explanations captured,
 * their text composed on use), the engine with every explanation text composed, and the engine
 * with JSON read and write. Reports the median of several runs and the ratio to the
 * baseline.
 */
public final class GradingBenchmark {

    private static final int CLASSES = 200;
    private static final int STUDENTS_PER_CLASS = 35;
    private static final int RUNS = 7;
    private static final long RUN_NANOS = 1_000_000_000L;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static volatile Object sink;

    public static void main(String[] args) throws Exception {
        List<ClassGradebook> classes = new ArrayList<>();
        List<String> documents = new ArrayList<>();
        for (int i = 0; i < CLASSES; i++) {
            ClassGradebook c = new RandomClasses(i).classOf(STUDENTS_PER_CLASS);
            classes.add(c);
            documents.add(new GradebookJson().write(c));
        }
        RuleSets rules = RuleSets.standard();
        GradebookJson reader = new GradebookJson();
        ResultsJson writer = new ResultsJson(false);
        System.out.printf("GradingBenchmark: %d classes × %d students × %d subjects, %d runs of ~1 s, one thread, %s%n",
                CLASSES, STUDENTS_PER_CLASS, classes.get(0).subjects().size(), RUNS, System.getProperty("java.vm.version"));
        double baseline = measure("baseline (double averages only)", classes, c -> sink = doubleAverages(c));
        double engine = measure("TT22 engine (records in, results out)", classes, c -> sink = rules.compute(c));
        double explained = measure("TT22 engine + compose every explanation", classes, c -> {
            ClassResults results = rules.compute(c);
            for (StudentResults student : results.students()) {
                for (Explanation e : student.explanations()) {
                    sink = e.text();
                }
            }
        });
        double json = measure("JSON read + TT22 engine + JSON write", documents,
                d -> sink = writer.write(rules.compute(reader.read(d))));
        System.out.printf("ratios to baseline: engine %.3f, engine + explanation texts %.3f, JSON end-to-end %.3f%n",
                engine / baseline, explained / baseline, json / baseline);
    }

    interface Work<T> {
        void run(T item) throws Exception;
    }

    /**
     * Students per second of this thread's CPU time (so that other processes on a shared machine
     * do not count), median of the runs after two warm-up runs; wall-clock rate shown alongside.
     */
    private static <T> double measure(String name, List<T> items, Work<T> work) throws Exception {
        double[] cpuRates = new double[RUNS + 2];
        double[] wallRates = new double[RUNS + 2];
        for (int run = 0; run < cpuRates.length; run++) {
            long students = 0;
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            long elapsed;
            do {
                for (T item : items) {
                    work.run(item);
                }
                students += (long) items.size() * STUDENTS_PER_CLASS;
                elapsed = System.nanoTime() - start;
            } while (elapsed < RUN_NANOS);
            cpuRates[run] = students * 1e9 / (THREADS.getCurrentThreadCpuTime() - cpuStart);
            wallRates[run] = students * 1e9 / elapsed;
        }
        double median = median(cpuRates);
        System.out.printf("%-40s median %,10.0f students/CPU-s (min %,.0f, max %,.0f); wall median %,.0f/s%n", name,
                median, min(cpuRates), max(cpuRates), median(wallRates));
        return median;
    }

    private static double[] measured(double[] rates) {
        double[] measured = Arrays.copyOfRange(rates, 2, rates.length); // the first two runs are warm-up
        Arrays.sort(measured);
        return measured;
    }

    private static double median(double[] rates) {
        double[] m = measured(rates);
        return m[m.length / 2];
    }

    private static double min(double[] rates) {
        return measured(rates)[0];
    }

    private static double max(double[] rates) {
        double[] m = measured(rates);
        return m[m.length - 1];
    }

    /** Baseline: ĐTBmhk and ĐTBmcn of every scored subject in doubles; no rules, no rounding. */
    private static double doubleAverages(ClassGradebook c) {
        double total = 0;
        for (StudentRecord s : c.students()) {
            for (Subject subject : c.subjects()) {
                if (subject.scored()) {
                    SubjectMarks m = s.marksOf(subject.code());
                    total += (term(m.hk1()) + 2 * term(m.hk2())) / 3;
                }
            }
        }
        return total;
    }

    private static double term(TermMarks t) {
        double sum = 0;
        for (Mark mark : t.regular()) {
            sum += value(mark);
        }
        return (sum + 2 * value(t.midterm()) + 3 * value(t.endOfTerm())) / (t.regular().size() + 5);
    }

    private static double value(Mark mark) {
        return mark instanceof Mark.Score s ? s.value().doubleValue() : 0;
    }
}
