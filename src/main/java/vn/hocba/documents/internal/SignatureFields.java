package vn.hocba.documents.internal;

import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfAnnotation;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfFormField;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfRectangle;
import com.lowagie.text.pdf.PdfStream;
import com.lowagie.text.pdf.PdfWriter;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Puts an empty signature field on each signature box, named after the box, so that signing
 * later fills exactly that box. PDF/A needs each widget printable and with a normal appearance
 * (here an empty form XObject exactly the widget's size; signing fills it keeping that
 * {@code /BBox}).
 */
final class SignatureFields {

    private SignatureFields() {
    }

    /** Before the first page is painted: OpenPDF puts each widget on its page as that page is finished. */
    static void add(PdfWriter writer, List<SignatureBox> boxes) {
        if (boxes.isEmpty()) {
            return;
        }
        writer.getAcroForm().setNeedAppearances(false);
        Set<String> seen = new HashSet<>();
        for (SignatureBox box : boxes) {
            if (!seen.add(box.field())) {
                throw new IllegalStateException("signature box '" + box.field() + "' appears twice in the template");
            }
            writer.addAnnotation(field(writer, box));
        }
    }

    private static PdfFormField field(PdfWriter writer, SignatureBox box) {
        PdfFormField field = PdfFormField.createSignature(writer);
        field.setFieldName(box.field());
        Rectangle rect = new Rectangle(box.x(), box.y(), box.x() + box.width(), box.y() + box.height());
        field.setWidget(rect, null);
        field.put(PdfName.RECT, exact(new PdfRectangle(rect)));
        field.setFlags(PdfAnnotation.FLAGS_PRINT | PdfAnnotation.FLAGS_LOCKED);
        field.setPage(box.pageIndex() + 1);
        field.setPlaceInPage(box.pageIndex() + 1);
        // the widget's own size, as a float difference of its corners, not box.width(): a filled
        // box keeps this /BBox, and a viewer scales an appearance whose /BBox and /Rect differ
        PdfStream appearance = new PdfStream(new byte[0]);
        appearance.put(PdfName.TYPE, PdfName.XOBJECT);
        appearance.put(PdfName.SUBTYPE, PdfName.FORM);
        appearance.put(PdfName.BBOX, exact(new PdfRectangle(rect.getWidth(), rect.getHeight())));
        appearance.put(PdfName.RESOURCES, new PdfDictionary());
        PdfDictionary appearances = new PdfDictionary();
        appearances.put(PdfName.N, Indirect.of(writer, appearance));
        field.put(PdfName.AP, appearances);
        return field;
    }

    /**
     * The rectangle with its numbers written as the floats they are (OpenPDF rounds to two decimals): read back, the
     * widget's width is then exactly its appearance's.
     */
    private static PdfRectangle exact(PdfRectangle rect) {
        float[] corners = {rect.left(), rect.bottom(), rect.right(), rect.top()};
        for (int i = 0; i < corners.length; i++) {
            String number = Float.toString(corners[i]);
            rect.set(i, new PdfNumber(number.indexOf('E') < 0 ? number : new BigDecimal(number).toPlainString()));
        }
        return rect;
    }
}
