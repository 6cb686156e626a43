package vn.hocba.documents.internal;

import com.lowagie.text.pdf.PdfWriter;
import java.util.List;
import java.util.Optional;
import java.util.zip.Deflater;
import org.xhtmlrenderer.pdf.DefaultPDFCreationListener;
import org.xhtmlrenderer.pdf.ITextRenderer;
import vn.hocba.documents.DocumentData;
import vn.hocba.documents.SourceAttachment;

/**
 * The PDF/A-3b parts of one document, written by OpenPDF in the pass that writes its pages (Flying Saucer calls
 * these hooks around it): identification and metadata, an empty signature field on every signature box, the data XML
 * (and the source record, if any) as associated files. Loading OpenPDF's output into PDFBox to add them and saving it
 * again cost a ninth of a transcript. What OpenPDF would make differently on every run is fixed elsewhere: the font
 * subset tags ({@link FontSubsetTags}), the dates (here, from the issue date) and the file ID ({@link DocumentFileId}).
 * One per document.
 */
final class PdfAParts extends DefaultPDFCreationListener {

    private final DocumentData data;
    private final byte[] dataXml;
    private final Optional<SourceAttachment> source;
    private List<SignatureBox> boxes = List.of();
    private int pages;

    PdfAParts(DocumentData data, byte[] dataXml, Optional<SourceAttachment> source) {
        this.data = data;
        this.dataXml = dataXml;
        this.source = source;
    }

    @Override
    public void preOpen(ITextRenderer renderer) {
        PdfWriter writer = renderer.getWriter();
        // Deflate level 1 for page contents, instead of 6: about a tenth larger, written in a fraction of the time
        // (font subsets take the fonts' own level: EmbeddedFonts).
        writer.setCompressionLevel(Deflater.BEST_SPEED);
        PdfAConformance.identify(writer, data);
    }

    /** Called once the pages are laid out and placed, before the first is painted: the boxes' places are known. */
    @Override
    public void preWrite(ITextRenderer renderer, int pageCount) {
        pages = pageCount;
        boxes = SignatureBox.of(renderer);
        SignatureFields.add(renderer.getWriter(), boxes);
    }

    /** Called after the last page is painted, before OpenPDF writes the catalog and the document information. */
    @Override
    public void onClose(ITextRenderer renderer) {
        PdfWriter writer = renderer.getWriter();
        PdfAConformance.describe(writer, data);
        DataAttachment.attach(writer, data, dataXml, source);
    }

    List<SignatureBox> signatureBoxes() {
        return boxes;
    }

    int pages() {
        return pages;
    }
}
