package vn.hocba.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.text.PDFTextStripper;
import vn.hocba.documents.sample.SampleDocuments;

/** The sample documents rendered once per test JVM (rendering the gradebook takes seconds). */
final class RenderedSamples {

    static final SampleDocuments SAMPLES = SampleDocuments.create();
    private static Map<DocumentKind, byte[]> pdfs;

    private RenderedSamples() {
    }

    static synchronized byte[] pdf(DocumentKind kind) {
        if (pdfs == null) {
            pdfs = new EnumMap<>(DocumentKind.class);
            DocumentRenderer renderer = new DocumentRenderer();
            for (DocumentData data : SAMPLES.oneOfEach()) {
                pdfs.put(data.kind(), renderer.renderToBytes(data));
            }
        }
        return pdfs.get(kind);
    }

    static DocumentData data(DocumentKind kind) {
        return SAMPLES.oneOfEach().stream().filter(d -> d.kind() == kind).findFirst().orElseThrow();
    }

    static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of the data file embedded in the PDF through the catalog's /AF array. */
    static byte[] embeddedXml(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            var af = document.getDocumentCatalog().getCOSObject().getCOSArray(org.apache.pdfbox.cos.COSName.getPDFName("AF"));
            var spec = new PDComplexFileSpecification((org.apache.pdfbox.cos.COSDictionary) af.getObject(0));
            return spec.getEmbeddedFile().toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
