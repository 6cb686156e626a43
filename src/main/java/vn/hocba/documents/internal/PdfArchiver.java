package vn.hocba.documents.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import vn.hocba.documents.DocumentData;

/**
 * Turns Flying Saucer's PDF into the archived document: PDF/A-3b identification and metadata,
 * the data XML as an associated file, and an empty signature field on every signature box.
 */
final class PdfArchiver {

    private final PdfAConformance conformance = new PdfAConformance();
    private final DataAttachment attachment = new DataAttachment();
    private final SignatureFields signatureFields = new SignatureFields();

    /** Writes the archived PDF to {@code out} and returns its page count. */
    int archive(byte[] laidOutPdf, List<SignatureBox> boxes, DocumentData data, byte[] dataXml,
            String dataSha256, java.util.Optional<vn.hocba.documents.SourceAttachment> source, OutputStream out)
            throws IOException {
        try (PDDocument document = Loader.loadPDF(laidOutPdf)) {
            conformance.apply(document, data, dataSha256);
            attachment.attach(document, data, dataXml, source);
            signatureFields.add(document, boxes);
            // Without object streams: PDFBox then writes each object as it is instead of gathering and deflating the
            // small ones again (a third of this step); the file is a few kilobytes larger.
            document.save(out, CompressParameters.NO_COMPRESSION);
            return document.getNumberOfPages();
        }
    }
}
