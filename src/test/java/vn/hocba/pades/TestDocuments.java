package vn.hocba.pades;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Calendar;
import java.util.List;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * Small PDF/A-3b test documents like the documents module makes: one page of Vietnamese text in
 * an embedded font, sRGB output intent, and empty signature boxes by name.
 */
public final class TestDocuments {

    public static final List<String> TRANSCRIPT_BOXES = List.of("gvcn", "hieu_truong", "con_dau");

    private TestDocuments() {
    }

    /** A transcript page with the boxes gvcn, hieu_truong and con_dau. */
    public static byte[] transcript() {
        return document("HỌC BẠ - Năm học 2025-2026 - Lớp 10A1 - Nguyễn Thị Ánh", TRANSCRIPT_BOXES);
    }

    /**
     * A transcript like the documents module lays out: boxes at fractional positions (56.7 pt …)
     * whose empty appearances have the nominal width 90.7125 pt as {@code /BBox}, while the
     * widgets' {@code /Rect} differ from it in the fifth digit (float corner arithmetic).
     */
    public static byte[] transcriptWithFractionalBoxes() {
        return document("HỌC BẠ - Năm học 2025-2026 - Lớp 10A1 - Nguyễn Thị Ánh", TRANSCRIPT_BOXES, 56.7f, 90.7125f);
    }

    /** A subject result sheet with the box gvbm_TOAN. */
    public static byte[] subjectSheet() {
        return document("BẢNG ĐIỂM MÔN TOÁN - Lớp 10A1 - Học kỳ I", List.of("gvbm_TOAN"));
    }

    public static byte[] document(String heading, List<String> boxes) {
        return document(heading, boxes, 40, 170);
    }

    private static byte[] document(String heading, List<String> boxes, float firstX, float boxWidth) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDType0Font font;
            try (InputStream in = TestDocuments.class.getResourceAsStream("/fonts/LiberationSerif-Regular.ttf")) {
                font = PDType0Font.load(document, in, true);
            }
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(font, 14);
                content.newLineAtOffset(60, 780);
                content.showText(heading);
                content.newLineAtOffset(0, -24);
                content.showText("Điểm trung bình các môn: 8,5 - Kết quả học tập: Tốt - Rèn luyện: Tốt");
                content.endText();
            }
            addBoxes(document, page, boxes, firstX, boxWidth);
            makePdfA3b(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void addBoxes(PDDocument document, PDPage page, List<String> boxes, float firstX, float width)
            throws IOException {
        PDAcroForm form = new PDAcroForm(document);
        document.getDocumentCatalog().setAcroForm(form);
        float x = firstX;
        for (String name : boxes) {
            PDSignatureField field = new PDSignatureField(form);
            field.setPartialName(name);
            PDAnnotationWidget widget = field.getWidgets().get(0);
            widget.setRectangle(new PDRectangle(x, 120, width, 80));
            widget.setPage(page);
            widget.setPrinted(true);
            PDAppearanceStream empty = new PDAppearanceStream(document);
            empty.setBBox(new PDRectangle(width, 80));
            PDAppearanceDictionary appearance = new PDAppearanceDictionary();
            appearance.setNormalAppearance(empty);
            widget.setAppearance(appearance);
            page.getAnnotations().add(widget);
            form.getFields().add(field);
            x += width + 10;
        }
    }

    private static void makePdfA3b(PDDocument document) throws IOException {
        try {
            identify(document);
        } catch (org.apache.xmpbox.type.BadFieldValueException e) {
            throw new IOException(e);
        }
    }

    private static void identify(PDDocument document) throws IOException, org.apache.xmpbox.type.BadFieldValueException {
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
        id.setPart(3);
        id.setConformance("B");
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setTitle("Học bạ thử nghiệm");
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        Calendar now = Calendar.getInstance();
        basic.setCreateDate(now);
        document.getDocumentInformation().setTitle("Học bạ thử nghiệm");
        document.getDocumentInformation().setCreationDate(now);
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, xml, true);
        } catch (Exception e) {
            throw new IOException(e);
        }
        PDMetadata metadata = new PDMetadata(document);
        metadata.importXMPMetadata(xml.toByteArray());
        catalog.setMetadata(metadata);
        byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(srgb));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        catalog.addOutputIntent(intent);
        catalog.getCOSObject().setItem(COSName.LANG, new org.apache.pdfbox.cos.COSString("vi"));
    }
}
