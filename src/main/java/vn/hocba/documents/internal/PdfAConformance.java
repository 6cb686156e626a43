package vn.hocba.documents.internal;

import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfStream;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import vn.hocba.documents.DocumentData;

/**
 * The PDF/A-3b parts OpenPDF does not write by itself: XMP metadata with the pdfaid identification, a document
 * information dictionary saying exactly what the XMP says, and the sRGB output intent.
 */
final class PdfAConformance {

    static final String PRODUCER = "HocBa (OpenPDF, Flying Saucer)";
    private static final String SRGB = "sRGB IEC61966-2.1";
    /** The sRGB profile, deflated once per process rather than per document. */
    private static final byte[] SRGB_DEFLATED = deflatedSrgb();

    private PdfAConformance() {
    }

    /** Before the document is opened: the header's version and the XMP packet. */
    static void identify(PdfWriter writer, DocumentData data) {
        writer.setPdfVersion(PdfWriter.VERSION_1_7);
        writer.setXmpMetadata(XmpPacket.of(data, PRODUCER).getBytes(StandardCharsets.UTF_8));
    }

    /** Before the catalog is written: the document information and the output intent. */
    static void describe(PdfWriter writer, DocumentData data) {
        replaceInformation(writer.getInfo(), data);
        PdfArray intents = new PdfArray();
        intents.add(outputIntent(writer));
        writer.getExtraCatalog().put(PdfName.OUTPUTINTENTS, intents);
    }

    /**
     * Must say exactly what the XMP says (PDF/A-3 6.6.3): same title, producer and dates. OpenPDF's own entries (its
     * producer, the current time, any title from the XHTML's meta tags) go.
     */
    private static void replaceInformation(PdfDictionary info, DocumentData data) {
        for (PdfName key : new ArrayList<>(info.getKeys())) {
            info.remove(key);
        }
        PdfString issued = new PdfString(IssueDate.pdfDate(data.identity().issuedAt()));
        info.put(PdfName.TITLE, new PdfString(Normalizer.normalize(data.title(), Normalizer.Form.NFC),
                PdfObject.TEXT_UNICODE));
        info.put(PdfName.PRODUCER, new PdfString(PRODUCER, PdfObject.TEXT_UNICODE));
        info.put(PdfName.CREATIONDATE, issued);
        info.put(PdfName.MODDATE, issued);
    }

    private static PdfObject outputIntent(PdfWriter writer) {
        PdfStream profile = new PdfStream(SRGB_DEFLATED);
        profile.put(PdfName.FILTER, PdfName.FLATEDECODE);
        profile.put(PdfName.N, new PdfNumber(3));
        PdfDictionary intent = new PdfDictionary(PdfName.OUTPUTINTENT);
        intent.put(PdfName.S, PdfName.GTS_PDFA1);
        intent.put(PdfName.DESTOUTPUTPROFILE, Indirect.of(writer, profile));
        intent.put(PdfName.INFO, new PdfString(SRGB));
        intent.put(PdfName.OUTPUTCONDITION, new PdfString(SRGB));
        intent.put(PdfName.OUTPUTCONDITIONIDENTIFIER, new PdfString(SRGB));
        intent.put(PdfName.REGISTRYNAME, new PdfString("http://www.color.org"));
        return Indirect.of(writer, intent);
    }

    private static byte[] deflatedSrgb() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out, new Deflater(Deflater.BEST_COMPRESSION))) {
            deflater.write(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
