package vn.hocba.pades.internal;

import org.apache.pdfbox.cos.COSName;
import vn.hocba.pades.SigningException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * The signature boxes (AcroForm signature fields) of a document: the documents module reserves
 * empty ones by name ({@code gvcn}, {@code hieu_truong}, {@code con_dau}, {@code gvbm_TOAN});
 * a signature fills its box, or gets a new one when the document has none.
 */
public final class SignatureBoxes {

    private SignatureBoxes() {
    }

    /**
     * Binds {@code signature} to the empty box {@code name} if the document has one (PDFBox's
     * {@code addSignature} then uses that box) and returns its rectangle; null when there is none.
     *
     * @throws SigningException when the box is already signed
     */
    public static PDRectangle reserveExisting(PDDocument document, String name, PDSignature signature) {
        PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
        PDField field = form == null ? null : form.getField(name);
        if (!(field instanceof PDSignatureField box)) {
            return null;
        }
        if (box.getCOSObject().getDictionaryObject(COSName.V) != null) {
            throw new SigningException("Ô ký '" + name + "' của văn bản đã có chữ ký; không ký đè lên chữ ký đã có.");
        }
        box.getCOSObject().setItem(COSName.V, signature);
        return box.getWidgets().get(0).getRectangle();
    }

    /**
     * The bounding box of the box's current (empty) appearance, or null when it has none. The
     * stamp that fills the box keeps exactly this {@code /BBox}: EU DSS accepts new content and
     * resources in an empty field's appearance but reports any other change to it (a {@code /BBox}
     * that differs even in the fifth decimal from the field's {@code /Rect} size) as an
     * undefined modification that fails every earlier signature.
     */
    public static PDRectangle emptyAppearanceBox(PDDocument document, String name) {
        PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
        PDField field = form == null ? null : form.getField(name);
        if (!(field instanceof PDSignatureField box)) {
            return null;
        }
        PDAppearanceDictionary appearance = box.getWidgets().get(0).getAppearance();
        if (appearance == null || appearance.getNormalAppearance() == null
                || !appearance.getNormalAppearance().isStream()) {
            return null;
        }
        PDRectangle bbox = appearance.getNormalAppearance().getAppearanceStream().getBBox();
        return bbox == null || bbox.getWidth() <= 0 || bbox.getHeight() <= 0 ? null : bbox;
    }

    /**
     * After {@code addSignature}: names the box, restores its rectangle (PDFBox empties it for a
     * signature without a template) and gives it {@code appearance}, or an empty one.
     */
    public static void finish(PDDocument document, PDSignature signature, String name, PDRectangle rectangle,
                              PDAppearanceStream appearance) {
        PDSignatureField box = find(document, signature);
        if (box.getPartialName() == null || !box.getPartialName().equals(name)) {
            box.setPartialName(name);
        }
        PDAnnotationWidget widget = box.getWidgets().get(0);
        widget.setRectangle(rectangle == null ? new PDRectangle() : rectangle);
        widget.setPrinted(true); // PDF/A: every annotation is printable
        widget.setLocked(true);
        PDAppearanceDictionary dictionary = new PDAppearanceDictionary();
        dictionary.setNormalAppearance(appearance != null ? appearance : empty(document));
        widget.setAppearance(dictionary);
        box.getCOSObject().setNeedToBeUpdated(true);
        widget.getCOSObject().setNeedToBeUpdated(true);
    }

    private static PDAppearanceStream empty(PDDocument document) {
        PDAppearanceStream stream = new PDAppearanceStream(document);
        stream.setBBox(new PDRectangle());
        return stream;
    }

    private static PDSignatureField find(PDDocument document, PDSignature signature) {
        for (PDSignatureField field : document.getSignatureFields()) {
            if (field.getCOSObject().getDictionaryObject(COSName.V) == signature.getCOSObject()) {
                return field;
            }
        }
        throw new IllegalStateException("the signature was not attached to a field");
    }
}
