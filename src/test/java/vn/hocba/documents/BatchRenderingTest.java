package vn.hocba.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hocba.common.Sha256;
import vn.hocba.documents.sample.SampleDocuments;

/**
 * Issue 19: rendering a class's documents stage by stage in batches ({@link DocumentRenderer#renderAll}, what the
 * render pool does) gives every document byte for byte the PDF it gets rendered on its own ("the same data gives the
 * same bytes"), in order; a document that cannot be rendered fails alone, named, and the rest of its batch is rendered.
 */
class BatchRenderingTest {

    @Test
    void everyDocumentOfAClassRenderedInBatchesIsThePdfRenderedOnItsOwn() throws Exception {
        SampleDocuments samples = SampleDocuments.withClassSize(40);
        List<DocumentData> documents = new ArrayList<>();
        documents.add(samples.classGradebook());
        for (SubjectMarksTable subject : samples.classGradebook().subjects()) {
            documents.add(ClassDocumentGenerator.resultSheet(samples.classGradebook(), subject));
        }
        for (int i = 0; i < samples.classSize(); i++) {
            documents.add(samples.transcript(i));
            documents.add(samples.reportCard(i));
        }
        List<String> alone = new ArrayList<>();
        DocumentRenderer single = new DocumentRenderer();
        for (DocumentData data : documents) {
            alone.add(Sha256.hex(single.renderToBytes(data)));
        }

        String[] batched = new String[documents.size()];
        List<String> failures = new ArrayList<>();
        new DocumentRenderer().renderAll(items(documents), new RenderOutcomes() {
            @Override
            public void rendered(int index, RenderedDocument rendered, byte[] pdf) {
                assertThat(rendered.versionLabel()).isEqualTo(documents.get(index).identity().versionLabel());
                batched[index] = Sha256.hex(pdf);
            }

            @Override
            public void failed(int index, RuntimeException cause) {
                failures.add(index + ": " + cause);
            }
        });

        assertThat(failures).isEmpty();
        assertThat(Arrays.asList(batched)).containsExactlyElementsOf(alone);
    }

    @Test
    void aDocumentThatCannotBeRenderedFailsAloneAndTheRestOfItsBatchIsRendered() throws Exception {
        SampleDocuments samples = SampleDocuments.withClassSize(5);
        List<DocumentData> documents = new ArrayList<>(samples.transcripts());
        // a control character cannot be written into the XHTML: the document fails in the layout stage
        documents.set(2, PrintedLayoutTest.with(samples.transcript(2), "homeroomComment", "Chăm ngoan\u0001"));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        new DocumentRenderer().render(documents.get(3), expected);

        List<Integer> rendered = new ArrayList<>();
        List<Integer> failed = new ArrayList<>();
        byte[][] fourth = new byte[1][];
        new DocumentRenderer().renderAll(items(documents), new RenderOutcomes() {
            @Override
            public void rendered(int index, RenderedDocument document, byte[] pdf) {
                rendered.add(index);
                if (index == 3) {
                    fourth[0] = pdf;
                }
            }

            @Override
            public void failed(int index, RuntimeException cause) {
                failed.add(index);
            }
        });

        assertThat(failed).containsExactly(2);
        assertThat(rendered).containsExactly(0, 1, 3, 4);
        assertThat(fourth[0]).isEqualTo(expected.toByteArray());
    }

    private static List<RenderItem> items(List<DocumentData> documents) {
        return documents.stream().map(RenderItem::of).toList();
    }
}
