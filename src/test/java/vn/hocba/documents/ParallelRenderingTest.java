package vn.hocba.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hocba.documents.sample.SampleDocuments;

/**
 * Issue 19: a class's documents rendered on several threads ({@link RenderPool}) are the documents rendered
 * one after another: stored in the same order, byte for byte the same PDFs (so also the same embedded data
 * XML and PDF/A-3b, which the other document tests check on the renderer itself).
 */
class ParallelRenderingTest {

    @TempDir
    Path dir;

    @Test
    void aClassRenderedOnSeveralThreadsIsStoredInOrderWithTheSameDocuments() throws Exception {
        SampleDocuments samples = SampleDocuments.withClassSize(3);
        List<StoredDocument> serial = new ClassDocumentGenerator(new DocumentRenderer()).generateClass(
                samples.classGradebook(), 3, samples::transcript, samples::reportCard,
                new FileSystemDocumentStore(dir.resolve("serial")));
        List<StoredDocument> parallel;
        try (RenderPool pool = new RenderPool(RenderSettings.defaults(), 3)) {
            parallel = ClassDocumentGenerator.generateClass(samples.classGradebook(), 3, samples::transcript,
                    samples::reportCard, new FileSystemDocumentStore(dir.resolve("parallel")), pool);
        }
        assertThat(parallel).extracting(StoredDocument::versionLabel)
                .containsExactlyElementsOf(serial.stream().map(StoredDocument::versionLabel).toList());
        for (int i = 0; i < serial.size(); i++) {
            byte[] one = java.nio.file.Files.readAllBytes(Path.of(serial.get(i).location()));
            byte[] other = java.nio.file.Files.readAllBytes(Path.of(parallel.get(i).location()));
            assertThat(RenderedSamples.embeddedXml(other)).as(serial.get(i).versionLabel())
                    .isEqualTo(RenderedSamples.embeddedXml(one));
            assertThat(parallel.get(i).pdfSha256()).as(serial.get(i).versionLabel()).isEqualTo(serial.get(i).pdfSha256());
        }
    }
}
