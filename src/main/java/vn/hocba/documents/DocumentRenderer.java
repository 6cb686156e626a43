package vn.hocba.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hocba.documents.internal.DataXml;
import vn.hocba.documents.internal.DocumentPipeline;

/**
 * Renders one document to PDF/A-3b: the template {@code templates/<kind>.xhtml} filled from the
 * data, Liberation Serif embedded, the data XML embedded as associated file, a QR code with the
 * verification address on every page and an empty signature field per signature box.
 *
 * <p>Not thread-safe; create one per thread (creation is cheap after the first).
 */
public final class DocumentRenderer {

    private static final Logger log = LoggerFactory.getLogger(DocumentRenderer.class);

    private final DocumentPipeline pipeline;

    public DocumentRenderer(RenderSettings settings) {
        this.pipeline = new DocumentPipeline(settings);
    }

    public DocumentRenderer() {
        this(RenderSettings.defaults());
    }

    /** Writes the PDF of {@code data} to {@code out} (not closed). */
    public RenderedDocument render(DocumentData data, OutputStream out) throws IOException {
        return pipeline.render(data, java.util.Optional.empty(), out);
    }

    /** As above, also embedding {@code source} as an associated file with /AFRelationship /Source. */
    public RenderedDocument render(DocumentData data, java.util.Optional<SourceAttachment> source, OutputStream out)
            throws IOException {
        return pipeline.render(data, source, out);
    }

    /**
     * Several documents, the same PDFs as {@link #render} one by one but faster per document (stage by stage in
     * batches: data, template and parse for up to eight documents, then their layouts); {@code outcomes} gets each
     * in order, or why it failed.
     */
    public void renderAll(List<RenderItem> items, RenderOutcomes outcomes) {
        pipeline.renderAll(items, outcomes);
    }

    /** As above, the PDFs in the items' order; {@code null} for a document that failed (rendering it alone says why). */
    public List<Pdf> renderAll(List<RenderItem> items) {
        Pdf[] done = new Pdf[items.size()];
        pipeline.renderAll(items, new RenderOutcomes() {
            @Override
            public void rendered(int index, RenderedDocument rendered, byte[] pdf) {
                done[index] = new Pdf(rendered, pdf);
            }

            @Override
            public void failed(int index, RuntimeException cause) {
                log.debug("Rendering {} in a batch failed", items.get(index).data().identity().versionLabel(), cause);
            }
        });
        return Arrays.asList(done);
    }

    /** A document's PDF and what is known of it. */
    public record Pdf(RenderedDocument rendered, byte[] bytes) {
    }

    /** The PDF as bytes, for tests and single downloads. */
    public byte[] renderToBytes(DocumentData data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 * 1024);
        try {
            render(data, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The XML embedded in the PDF of {@code data}; its SHA-256 is the document's content hash. */
    public static byte[] dataXml(DocumentData data) {
        return DataXml.write(data);
    }
}
