package vn.hocba.documents.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.pdf.ITextReplacedElementFactory;
import org.xhtmlrenderer.pdf.ITextTextRenderer;
import org.xhtmlrenderer.simple.extend.XhtmlNamespaceHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Lays XHTML out into pages with Flying Saucer + OpenPDF, which writes the PDF/A parts in the same pass
 * ({@link PdfAParts}: metadata, attachments, a signature field on every signature box). Each document gets a renderer
 * of its own (a reused one numbers its PDF objects differently, and the same data must give the same bytes); what does
 * not depend on the document is kept: the fonts and the parsed stylesheets ({@link DocumentStyles}). Not
 * thread-safe: one per thread.
 */
final class PdfLayout {

    private static final DocumentBuilderFactory XML = newFactory();

    private final LiberationFontResolver fonts = new LiberationFontResolver();
    private final XhtmlNamespaceHandler namespace = new XhtmlNamespaceHandler();
    private DocumentStyles styles;
    /** Reused: creating a parser costs a quarter of parsing a transcript. */
    private final DocumentBuilder parser = newParser();

    /** The PDF as OpenPDF wrote it, with {@code parts} written in the same pass. */
    byte[] layout(String xhtml, PdfAParts parts) {
        return layout(parse(xhtml), parts);
    }

    /** The filled template as the DOM {@link #layout(Document, PdfAParts)} lays out. */
    Document parse(String xhtml) {
        return parse(parser, xhtml);
    }

    /** As {@link #layout(String, PdfAParts)}, for XHTML already {@link #parse parsed}. */
    byte[] layout(Document xhtml, PdfAParts parts) {
        ITextOutputDevice device = new DocumentOutputDevice(ITextRenderer.DEFAULT_DOTS_PER_POINT);
        DocumentUserAgent agent = new DocumentUserAgent(device, ITextRenderer.DEFAULT_DOTS_PER_PIXEL);
        ITextRenderer renderer = new ITextRenderer(ITextRenderer.DEFAULT_DOTS_PER_POINT,
                ITextRenderer.DEFAULT_DOTS_PER_PIXEL, device, agent, fonts,
                new RepeatedFooters(new ITextReplacedElementFactory(device)), new ITextTextRenderer());
        if (styles == null) {
            styles = new DocumentStyles(agent);
        } else {
            styles.setUserAgentCallback(agent);
        }
        renderer.getSharedContext().setCss(styles);
        renderer.setListener(parts);
        try {
            renderer.setDocument(xhtml, null, namespace);
            renderer.layout();
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            renderer.createPDF(out);
            return out.toByteArray();
        } finally {
            styles.forgetDocument(); // a pool thread keeps its layout, not its last document
        }
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
            DocumentBuilder parser = XML.newDocumentBuilder();
            parser.setErrorHandler(MalformedXhtml.REPORT);
            return parser;
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
