package vn.hocba.documents.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import vn.hocba.documents.ClassDocumentGenerator;
import vn.hocba.documents.DocumentRenderer;
import vn.hocba.documents.FileSystemDocumentStore;
import vn.hocba.documents.RenderSettings;
import vn.hocba.documents.StoredDocument;
import vn.hocba.documents.TranscriptData;
import vn.hocba.documents.internal.DocumentPipeline;
import vn.hocba.documents.internal.StageTimes;
import vn.hocba.documents.sample.SampleDocuments;

/**
 * Not a test. Transcripts rendered to PDF/A-3b per second on one thread (median of runs), where
 * the time goes, and the heap used while generating every document of a 40-student class.
 * Run: see bench/README.md.
 */
public final class DocumentBenchmark {

    private static final int RUNS = 5;
    private static final int CLASS_SIZE = 40;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        SampleDocuments samples = SampleDocuments.withClassSize(CLASS_SIZE);
        List<TranscriptData> transcripts = samples.transcripts();
        DocumentPipeline pipeline = new DocumentPipeline(RenderSettings.defaults());
        OutputStream sink = OutputStream.nullOutputStream();
        for (int i = 0; i < 3; i++) {
            renderAll(pipeline, transcripts, sink);
        }
        List<double[]> runs = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            pipeline.times().reset();
            long start = System.nanoTime();
            long cpuStart = CPU.getCurrentThreadCpuTime();
            renderAll(pipeline, transcripts, sink);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            StageTimes t = pipeline.times();
            runs.add(new double[] {transcripts.size() / seconds, t.templateNanos(), t.layoutNanos(), t.archiveNanos(),
                transcripts.size() / cpuSeconds});
            System.out.printf("run %d: %.1f transcripts/s wall clock, %.1f per CPU-second of the thread%n", run + 1,
                    transcripts.size() / seconds, transcripts.size() / cpuSeconds);
        }
        double cpuMedian = runs.stream().mapToDouble(r -> r[4]).sorted().toArray()[RUNS / 2];
        runs.sort(Comparator.comparingDouble(r -> r[0]));
        double[] median = runs.get(RUNS / 2);
        // On a shared machine wall-clock rates vary with other load; CPU time of the rendering thread does not.
        System.out.printf("median: %.1f transcripts per CPU-second (one core)%n", cpuMedian);
        double total = median[1] + median[2] + median[3];
        System.out.printf("median: %.1f transcripts/s on one thread (%.1f ms each)%n", median[0], 1000 / median[0]);
        System.out.printf("stages: data XML + Thymeleaf %.0f%%, Flying Saucer layout + OpenPDF %.0f%%, PDFBox PDF/A post-processing %.0f%%%n",
                100 * median[1] / total, 100 * median[2] / total, 100 * median[3] / total);
        System.out.printf("ratio full pipeline / bare layout stage: %.2f%n", total / median[2]);
        classGeneration(samples);
    }

    private static void renderAll(DocumentPipeline pipeline, List<TranscriptData> transcripts, OutputStream sink)
            throws IOException {
        for (TranscriptData t : transcripts) {
            pipeline.render(t, sink);
        }
    }

    /** Every document of the class into a file store, sampling heap use every 5 ms. */
    private static void classGeneration(SampleDocuments samples) throws Exception {
        Path dir = Files.createTempDirectory("hocba-bench-");
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        AtomicLong peak = new AtomicLong(before);
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
        long start = System.nanoTime();
        List<StoredDocument> stored = new ClassDocumentGenerator(new DocumentRenderer()).generateClass(
                samples.classGradebook(), samples.classSize(), samples::transcript, samples::reportCard,
                new FileSystemDocumentStore(dir));
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        long bytes = stored.stream().mapToLong(StoredDocument::size).sum();
        System.out.printf("class of %d: %d documents, %.1f MB written in %.1f s; heap used before %d MB, peak %d MB (max heap %d MB)%n",
                samples.classSize(), stored.size(), bytes / 1e6, seconds, before >> 20, peak.get() >> 20,
                rt.maxMemory() >> 20);
    }
}
