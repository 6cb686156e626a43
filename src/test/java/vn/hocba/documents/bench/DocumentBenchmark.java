package vn.hocba.documents.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import vn.hocba.documents.ClassDocumentGenerator;
import vn.hocba.documents.DocumentRenderer;
import vn.hocba.documents.FileSystemDocumentStore;
import vn.hocba.documents.RenderItem;
import vn.hocba.documents.RenderOutcomes;
import vn.hocba.documents.RenderPool;
import vn.hocba.documents.RenderedDocument;
import vn.hocba.documents.RenderSettings;
import vn.hocba.documents.StoredDocument;
import vn.hocba.documents.TranscriptData;
import vn.hocba.documents.internal.DocumentPipeline;
import vn.hocba.documents.internal.StageTimes;
import vn.hocba.documents.sample.SampleDocuments;

/**
 * Not a test. Transcripts rendered to PDF/A-3b per CPU-second of the rendering thread, two pipelines
 * alternating round by round in the same JVM: "before" is another build's pipeline (document by document) when
 * {@code -Dhocba.bench.baseline=<its target/classes>} is given (loaded beside this one by {@link BaselineBuild}, e.g.
 * main's classes), else this build's too (then the spread of their ratio is the noise floor of a per-document change
 * measured this way); "after" is this build's, through the batch path the product uses ({@link
 * DocumentPipeline#renderAll}, stage by stage in batches of 8). Then every
 * document of a 40-student class generated one at a time (before) and on all cores with
 * {@link RenderPool} (after), with wall time, process CPU time and peak heap. Run: see bench/README.md.
 * Arguments: [rounds (default 5)] [class rounds (default 3)].
 */
public final class DocumentBenchmark {

    private static final int CLASS_SIZE = 40;
    /** {@code -Dhocba.bench.batch-control=true}: "after" hands the batch path one document at a time. */
    private static final boolean CONTROL = Boolean.getBoolean("hocba.bench.batch-control");
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int classRounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        SampleDocuments samples = SampleDocuments.withClassSize(CLASS_SIZE);
        List<TranscriptData> transcripts = samples.transcripts();
        String baseline = System.getProperty("hocba.bench.baseline");
        DocumentPipeline before = new DocumentPipeline(RenderSettings.defaults());
        DocumentPipeline after = new DocumentPipeline(RenderSettings.defaults());
        BaselineBuild other = baseline == null ? null : new BaselineBuild(Path.of(baseline), CLASS_SIZE);
        System.out.println(other == null ? "before: this build's pipeline document by document; after: the same in batches"
                : "before: the build in " + baseline + "; after: this build's pipeline");
        Round beforeRound = other == null ? () -> renderAll(before, transcripts)
                : () -> other.renderAll(OutputStream.nullOutputStream());
        Round afterRound = () -> renderInBatches(after, transcripts);
        for (int i = 0; i < 3; i++) {
            beforeRound.run();
            afterRound.run();
        }
        double[] beforeRates = new double[rounds];
        double[] afterRates = new double[rounds];
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            before.times().reset();
            after.times().reset();
            // alternate which goes first, so that neither always follows the other's garbage
            if (r % 2 == 0) {
                beforeRates[r] = rate(beforeRound, transcripts.size());
                afterRates[r] = rate(afterRound, transcripts.size());
            } else {
                afterRates[r] = rate(afterRound, transcripts.size());
                beforeRates[r] = rate(beforeRound, transcripts.size());
            }
            ratios[r] = afterRates[r] / beforeRates[r];
            System.out.printf("round %d: before %.1f, after %.1f transcripts per CPU-second; ratio %.2f%n", r + 1,
                    beforeRates[r], afterRates[r], ratios[r]);
        }
        System.out.printf("median: before %.1f, after %.1f transcripts per CPU-second (one thread); median ratio %.2f%n",
                median(beforeRates), median(afterRates), median(ratios));
        if (other == null) {
            stages("before", before);
        }
        stages("after", after);
        if (classRounds > 0) {
            classGeneration(samples, classRounds);
        }
    }

    interface Round {
        void run() throws Exception;
    }

    private static double rate(Round round, int documents) throws Exception {
        long cpu = CPU.getCurrentThreadCpuTime();
        round.run();
        return documents / ((CPU.getCurrentThreadCpuTime() - cpu) / 1e9);
    }

    private static void stages(String name, DocumentPipeline pipeline) {
        StageTimes t = pipeline.times();
        double total = t.templateNanos() + t.layoutNanos() + t.archiveNanos();
        System.out.printf("%s, last round: data XML + QR + Thymeleaf %.0f%%, Flying Saucer layout + OpenPDF with the PDF/A "
                + "parts %.0f%%, file ID and copy %.0f%%%n", name, 100 * t.templateNanos() / total, 100 * t.layoutNanos() / total,
                100 * t.archiveNanos() / total);
    }

    private static void renderAll(DocumentPipeline pipeline, List<TranscriptData> transcripts) throws IOException {
        OutputStream sink = OutputStream.nullOutputStream();
        for (TranscriptData t : transcripts) {
            pipeline.render(t, sink);
        }
    }

    /** As the product renders a class's documents ({@link RenderPool}): stage by stage in batches. */
    private static void renderInBatches(DocumentPipeline pipeline, List<TranscriptData> transcripts) {
        List<RenderItem> items = transcripts.stream().map(RenderItem::of)
                .toList();
        if (CONTROL) { // the batch path one document at a time: what the batches themselves bring, without them
            for (RenderItem item : items) {
                renderBatch(pipeline, List.of(item));
            }
        } else {
            renderBatch(pipeline, items);
        }
    }

    private static void renderBatch(DocumentPipeline pipeline, List<RenderItem> items) {
        pipeline.renderAll(items, new RenderOutcomes() {
            @Override
            public void rendered(int index, RenderedDocument rendered, byte[] pdf) {
                // nothing kept, like the single-document path's null sink
            }

            @Override
            public void failed(int index, RuntimeException cause) {
                throw cause;
            }
        });
    }

    /** Every document of the class into a file store, one at a time (before) and on all cores (after). */
    private static void classGeneration(SampleDocuments samples, int rounds) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        try (RenderPool pool = new RenderPool(RenderSettings.defaults(), 0)) {
            List<double[]> serial = new ArrayList<>();
            List<double[]> parallel = new ArrayList<>();
            DocumentRenderer old = new DocumentRenderer();
            for (int r = 0; r <= rounds; r++) {
                double[] s = measure(samples, dir -> new ClassDocumentGenerator(old).generateClass(samples.classGradebook(),
                        samples.classSize(), samples::transcript, samples::reportCard, new FileSystemDocumentStore(dir)));
                double[] p = measure(samples, dir -> ClassDocumentGenerator.generateClass(samples.classGradebook(),
                        samples.classSize(), samples::transcript, samples::reportCard, new FileSystemDocumentStore(dir), pool));
                if (r > 0) { // round 0 warms the pool's threads up
                    serial.add(s);
                    parallel.add(p);
                }
                System.out.printf("class round %d: one thread, before: %.2f s wall, %.2f CPU-s, peak heap %.0f MB; "
                        + "%d threads, after: %.2f s wall, %.2f CPU-s, peak heap %.0f MB (%d documents, %.1f MB)%n",
                        r, s[0], s[1], s[2], cores, p[0], p[1], p[2], (int) p[3], p[4]);
            }
            double sw = median(serial.stream().mapToDouble(x -> x[0]).toArray());
            double pw = median(parallel.stream().mapToDouble(x -> x[0]).toArray());
            System.out.printf("class of %d, median of %d rounds: before %.2f s wall (%.2f CPU-s), after %.2f s wall "
                    + "(%.2f CPU-s), wall ratio %.2f; peak heap before %.0f MB, after %.0f MB (max heap %d MB)%n",
                    samples.classSize(), rounds, sw, median(serial.stream().mapToDouble(x -> x[1]).toArray()), pw,
                    median(parallel.stream().mapToDouble(x -> x[1]).toArray()), sw / pw,
                    serial.stream().mapToDouble(x -> x[2]).max().orElse(0),
                    parallel.stream().mapToDouble(x -> x[2]).max().orElse(0), Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    interface ClassRun {
        List<StoredDocument> run(Path dir) throws IOException;
    }

    /** Wall s, process CPU s, peak heap MB (sampled every 5 ms), documents, MB written. */
    private static double[] measure(SampleDocuments samples, ClassRun run) throws Exception {
        Path dir = Files.createTempDirectory("hocba-bench-");
        Runtime rt = Runtime.getRuntime();
        System.gc();
        AtomicLong peak = new AtomicLong(rt.totalMemory() - rt.freeMemory());
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long cpu = OS.getProcessCpuTime();
        long start = System.nanoTime();
        List<StoredDocument> stored = run.run(dir);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (OS.getProcessCpuTime() - cpu) / 1e9;
        sampler.interrupt();
        long bytes = stored.stream().mapToLong(StoredDocument::size).sum();
        return new double[] {seconds, cpuSeconds, peak.get() / 1048576.0, stored.size(), bytes / 1e6};
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
