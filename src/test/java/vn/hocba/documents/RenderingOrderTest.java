package vn.hocba.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hocba.documents.sample.SampleDocuments;

/**
 * "The same data gives the same bytes" whatever a renderer rendered before: a renderer (one per thread) keeps what it
 * parsed, matched and laid out for one document to reuse it for the next (stylesheets, styles per element shape, page
 * styles, derived styles), so a document it renders after documents of every other kind, in another order, must come
 * out byte for byte as from a renderer that never rendered anything.
 */
class RenderingOrderTest {

    @Test
    void aDocumentComesOutTheSameWhateverItsRendererRenderedBefore() {
        SampleDocuments samples = SampleDocuments.withClassSize(3);
        List<DocumentData> documents = new ArrayList<>(SampleDocuments.create().oneOfEach());
        documents.add(samples.transcript(1));
        documents.add(samples.transcript(2));
        documents.add(samples.reportCard(2));

        DocumentRenderer used = new DocumentRenderer();
        for (int i = documents.size() - 1; i >= 0; i--) {
            used.renderToBytes(documents.get(i));
        }
        for (DocumentData data : documents) {
            byte[] fresh = new DocumentRenderer().renderToBytes(data);
            assertThat(used.renderToBytes(data)).as(data.kind() + " " + data.identity()).isEqualTo(fresh);
        }
    }
}
