package vn.hocba.documents.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xhtmlrenderer.pdf.DefaultPDFCreationListener;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.pdf.PDFCreationListener;
import org.xhtmlrenderer.pdf.PagePosition;
import org.xhtmlrenderer.simple.extend.XhtmlNamespaceHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Lays XHTML out into pages with Flying Saucer + OpenPDF and reports where the signature boxes
 * ended up. A signature box is any element with {@code id="sig-<field>"}. Each document gets a renderer of its
 * own (a reused one numbers its PDF objects differently, and the same data must give the same bytes); what does
 * not depend on the document is kept: the fonts and the parsed stylesheets ({@link DocumentStyles}). Not
 * thread-safe: one per thread.
 */
final class PdfLayout {

    private static final Pattern SIGNATURE_BOX_ID = Pattern.compile("sig-.+");
    private static final DocumentBuilderFactory XML = newFactory();

    /** Fields in reading order (page, top to bottom, left to right), whatever the layout's order. */
    private static final Comparator<SignatureBox> READING_ORDER = Comparator
            .comparingInt(SignatureBox::pageIndex)
            .thenComparing(b -> -Math.round(b.y() + b.height()))
            .thenComparing(SignatureBox::x);

    /**
     * Deflate level 1 for page contents and font subsets, instead of 6: the same PDF objects (PDFBox keeps the streams
     * as they are encoded), about a tenth larger, written in a fraction of the time.
     */
    private static final PDFCreationListener FAST_DEFLATE = new DefaultPDFCreationListener() {
        @Override
        public void preOpen(ITextRenderer renderer) {
            renderer.getWriter().setCompressionLevel(Deflater.BEST_SPEED);
        }
    };

    private final LiberationFontResolver fonts = new LiberationFontResolver();
    private final XhtmlNamespaceHandler namespace = new XhtmlNamespaceHandler();
    private DocumentStyles styles;
    /** Reused: creating a parser costs a quarter of parsing a transcript. */
    private final DocumentBuilder parser = newParser();

    record Laid(byte[] pdf, List<SignatureBox> signatureBoxes) {
    }

    Laid layout(String xhtml) {
        ITextOutputDevice device = new DocumentOutputDevice(ITextRenderer.DEFAULT_DOTS_PER_POINT);
        DocumentUserAgent agent = new DocumentUserAgent(device, ITextRenderer.DEFAULT_DOTS_PER_PIXEL);
        ITextRenderer renderer = new ITextRenderer(ITextRenderer.DEFAULT_DOTS_PER_POINT,
                ITextRenderer.DEFAULT_DOTS_PER_PIXEL, device, agent, fonts);
        if (styles == null) {
            styles = new DocumentStyles(agent);
        } else {
            styles.setUserAgentCallback(agent);
        }
        renderer.getSharedContext().setCss(styles);
        renderer.setListener(FAST_DEFLATE);
        try {
            renderer.setDocument(parse(parser, xhtml), null, namespace);
            renderer.layout();
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            renderer.createPDF(out);
            // Positions are known only once the output device has the laid-out tree (after createPDF).
            List<SignatureBox> boxes = renderer.findPagePositionsByID(SIGNATURE_BOX_ID).stream()
                    .map(PdfLayout::toBox).sorted(READING_ORDER).toList();
            return new Laid(out.toByteArray(), boxes);
        } finally {
            styles.forgetDocument(); // a pool thread keeps its layout, not its last document
        }
    }

    private static SignatureBox toBox(PagePosition p) {
        return new SignatureBox(p.getId().substring("sig-".length()), p.getPageNo(), p.getX(), p.getY(),
                p.getWidth(), p.getHeight());
    }

    private static Document parse(DocumentBuilder parser, String xhtml) {
        try {
            Document document = parser.parse(new InputSource(new StringReader(xhtml)));
            IgnorableWhitespace.remove(document);
            return document;
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("template produced malformed XHTML: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilder newParser() {
        try {
            return XML.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DocumentBuilderFactory newFactory() {
        // The JDK parser, whatever else is on the classpath; no DTD loading.
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        // The templates' comments make no boxes: not kept in the tree that Flying Saucer walks.
        factory.setIgnoringComments(true);
        try {
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            // Flying Saucer visits every node: building them lazily only adds the bookkeeping.
            factory.setFeature("http://apache.org/xml/features/dom/defer-node-expansion", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        return factory;
    }
}
