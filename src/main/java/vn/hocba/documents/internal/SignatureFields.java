package vn.hocba.documents.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * Puts an empty signature field on each signature box, named after the box, so that signing
 * later fills exactly that box. PDF/A needs each widget printable and with a normal appearance
 * (here an empty form XObject exactly the widget's size; signing fills it keeping that
 * {@code /BBox}).
 */
final class SignatureFields {

    void add(PDDocument document, List<SignatureBox> boxes) throws IOException {
        if (boxes.isEmpty()) {
            return;
        }
        PDAcroForm form = new PDAcroForm(document);
        form.setNeedAppearances(false);
        document.getDocumentCatalog().setAcroForm(form);
        Set<String> seen = new HashSet<>();
        List<PDField> fields = new ArrayList<>();
        for (SignatureBox box : boxes) {
            if (!seen.add(box.field())) {
                throw new IllegalStateException("signature box '" + box.field() + "' appears twice in the template");
            }
            fields.add(field(document, form, box));
        }
        form.setFields(fields);
    }

    private static PDSignatureField field(PDDocument document, PDAcroForm form, SignatureBox box) throws IOException {
        PDSignatureField field = new PDSignatureField(form);
        field.setPartialName(box.field());
        PDPage page = document.getPage(box.pageIndex());
        PDRectangle rect = new PDRectangle(box.x(), box.y(), box.width(), box.height());
        PDAnnotationWidget widget = field.getWidgets().get(0);
        widget.setRectangle(rect);
        widget.setPage(page);
        widget.setPrinted(true);
        PDAppearanceStream appearance = new PDAppearanceStream(document);
        // the widget's own size, as a float difference of its corners, not box.width(): a filled
        // box keeps this /BBox, and a viewer scales an appearance whose /BBox and /Rect differ
        appearance.setBBox(new PDRectangle(rect.getWidth(), rect.getHeight()));
        appearance.setResources(new PDResources());
        PDAppearanceDictionary appearances = new PDAppearanceDictionary();
        appearances.setNormalAppearance(appearance);
        widget.setAppearance(appearances);
        page.getAnnotations().add(widget);
        return field;
    }
}
