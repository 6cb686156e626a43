package vn.hocba.documents.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hocba.documents.DocumentData;
import vn.hocba.documents.RenderItem;
import vn.hocba.documents.RenderOutcomes;
import vn.hocba.documents.RenderSettings;
import vn.hocba.documents.RenderedDocument;

/**
 * data → XML (hashed) → template → layout and PDF/A in one pass → file ID. Not thread-safe: use one per thread (the
 * parsed fonts and templates behind it are shared).
 */
public final class DocumentPipeline {

    private static final Logger log = LoggerFactory.getLogger(DocumentPipeline.class);

    private final RenderSettings settings;
    private final TemplateFiller templates;
    private final PdfLayout layout = new PdfLayout();
    private final StageTimes times = new StageTimes();

    public DocumentPipeline(RenderSettings settings) {
        this.settings = settings;
        this.templates = new TemplateFiller(settings.templateDirectory());
    }

    public RenderedDocument render(DocumentData data, OutputStream out) throws IOException {
        return render(data, java.util.Optional.empty(), out);
    }

    /** As above, also embedding {@code source} as an associated file with /AFRelationship /Source. */
    public RenderedDocument render(DocumentData data, java.util.Optional<vn.hocba.documents.SourceAttachment> source,
            OutputStream out) throws IOException {
        Filled filled = fill(new RenderItem(data, source));
        Laid laid = lay(filled);
        out.write(laid.pdf());
        return laid.rendered();
    }

    /** How many documents {@link #renderAll} takes through one stage before the next. */
    public static final int BATCH = 8;

    /**
     * The same PDFs as {@link #render} document by document, rendered stage by stage in batches of {@link #BATCH}:
     * data XML, template and its parse for the batch, then their layouts. A Flying Saucer layout evicts the template side's code
     * and data from the CPU caches, so filling right after another fill costs about a third of filling right after a
     * layout (issue 19, session 20). At most {@link #BATCH} filled and parsed documents are held at a time.
     */
    public void renderAll(java.util.List<RenderItem> items, RenderOutcomes outcomes) {
        for (int from = 0; from < items.size(); from += BATCH) {
            int to = Math.min(items.size(), from + BATCH);
            Filled[] filled = new Filled[to - from];
            for (int i = from; i < to; i++) {
                try {
                    filled[i - from] = fill(items.get(i));
                } catch (RuntimeException e) {
                    outcomes.failed(i, e);
                }
            }
            for (int i = from; i < to; i++) {
                if (filled[i - from] != null) {
                    Laid laid;
                    try {
                        laid = lay(filled[i - from]);
                    } catch (RuntimeException e) {
                        outcomes.failed(i, e);
                        continue;
                    } finally {
                        filled[i - from] = null;
                    }
                    outcomes.rendered(i, laid.rendered(), laid.pdf());
                }
            }
        }
    }

    /** A document up to its filled and parsed template: the first stage. */
    private record Filled(RenderItem item, byte[] xml, String hash, VerificationMark mark, org.w3c.dom.Document xhtml,
            long nanos) {
    }

    /** A document's PDF with its file ID, and what is known of it. */
    private record Laid(RenderedDocument rendered, byte[] pdf) {
    }

    private Filled fill(RenderItem item) {
        long t0 = System.nanoTime();
        DocumentData data = item.data();
        byte[] xml = DataXml.write(data);
        String hash = sha256(xml);
        VerificationMark mark = VerificationMark.of(data.identity(), hash, settings.verificationBaseUrl());
        org.w3c.dom.Document xhtml = layout.parse(templates.fill(data, mark));
        return new Filled(item, xml, hash, mark, xhtml, System.nanoTime() - t0);
    }

    private Laid lay(Filled filled) {
        long t1 = System.nanoTime();
        DocumentData data = filled.item().data();
        PdfAParts parts = new PdfAParts(data, filled.xml(), filled.item().source());
        byte[] pdf = layout.layout(filled.xhtml(), parts);
        long t2 = System.nanoTime();
        DocumentFileId.set(pdf, filled.hash());
        long t3 = System.nanoTime();
        times.add(filled.nanos(), t2 - t1, t3 - t2);
        log.debug("Rendered {} ({} pages) in {} ms", filled.mark().versionLabel(), parts.pages(),
                (filled.nanos() + t3 - t1) / 1_000_000);
        return new Laid(new RenderedDocument(data.kind(), filled.mark().versionLabel(), filled.hash(), parts.pages(),
                parts.signatureBoxes().stream().map(SignatureBox::field).toList()), pdf);
    }

    /** Cumulative time spent per stage by this pipeline (for the benchmark). */
    public StageTimes times() {
        return times;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
