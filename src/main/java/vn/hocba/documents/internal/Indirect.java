package vn.hocba.documents.internal;

import com.lowagie.text.pdf.PdfIndirectReference;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A PDF object written into OpenPDF's body now, as an indirect object, and referenced from where it is used. */
final class Indirect {

    private Indirect() {
    }

    static PdfIndirectReference of(PdfWriter writer, PdfObject object) {
        try {
            return writer.addToBody(object).getIndirectReference();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a PDF object", e);
        }
    }
}
