package vn.hocba.documents.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hocba.documents.DocumentData;
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
        long t0 = System.nanoTime();
        byte[] xml = DataXml.write(data);
        String hash = sha256(xml);
        VerificationMark mark = VerificationMark.of(data.identity(), hash, settings.verificationBaseUrl());
        String xhtml = templates.fill(data, mark);
        long t1 = System.nanoTime();
        PdfAParts parts = new PdfAParts(data, xml, source);
        byte[] pdf = layout.layout(xhtml, parts);
        long t2 = System.nanoTime();
        DocumentFileId.set(pdf, hash);
        out.write(pdf);
        long t3 = System.nanoTime();
        times.add(t1 - t0, t2 - t1, t3 - t2);
        log.debug("Rendered {} ({} pages) in {} ms", mark.versionLabel(), parts.pages(), (t3 - t0) / 1_000_000);
        return new RenderedDocument(data.kind(), mark.versionLabel(), hash, parts.pages(),
                parts.signatureBoxes().stream().map(SignatureBox::field).toList());
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
