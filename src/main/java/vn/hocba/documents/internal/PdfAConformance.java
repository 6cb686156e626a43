package vn.hocba.documents.internal;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HexFormat;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import vn.hocba.documents.DocumentData;

/**
 * The PDF/A-3b parts OpenPDF does not write: document info and matching XMP with the pdfaid
 * identification, the sRGB output intent, a trailer /ID, and no incomplete /CIDSet.
 */
final class PdfAConformance {

    static final String PRODUCER = "HocBa (OpenPDF, Flying Saucer, Apache PDFBox)";
    /**
     * The sRGB profile stream's encoded bytes as PDFBox writes them: made once, as PDOutputIntent would make them per
     * document (parsing the ICC profile through the JDK's colour management and deflating it each time).
     */
    private static final byte[] SRGB_DEFLATED = deflatedSrgb();

    void apply(PDDocument document, DocumentData data, String dataSha256) throws IOException {
        document.setVersion(1.7f);
        document.setDocumentInformation(information(data));
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        PDMetadata metadata = new PDMetadata(document);
        metadata.importXMPMetadata(XmpPacket.of(data, PRODUCER).getBytes(StandardCharsets.UTF_8));
        catalog.setMetadata(metadata);
        addOutputIntent(document, catalog);
        setDocumentId(document, dataSha256);
        for (PDPage page : document.getPages()) {
            removeCidSets(page.getResources());
        }
        FontSubsetTags.makeDeterministic(document);
    }

    /** Must say exactly what the XMP says (PDF/A-3 6.6.3): same title, producer and dates. */
    private static PDDocumentInformation information(DocumentData data) {
        String issued = IssueDate.pdfDate(data.identity().issuedAt());
        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle(Normalizer.normalize(data.title(), Normalizer.Form.NFC));
        info.setProducer(PRODUCER);
        info.getCOSObject().setString(COSName.CREATION_DATE, issued);
        info.getCOSObject().setString(COSName.MOD_DATE, issued);
        return info;
    }

    private static void addOutputIntent(PDDocument document, PDDocumentCatalog catalog) throws IOException {
        PDOutputIntent intent = new PDOutputIntent(new COSDictionary());
        intent.getCOSObject().setItem(COSName.TYPE, COSName.OUTPUT_INTENT);
        intent.getCOSObject().setItem(COSName.S, COSName.GTS_PDFA1);
        COSStream profile = document.getDocument().createCOSStream();
        profile.setItem(COSName.FILTER, COSName.FLATE_DECODE);
        try (OutputStream out = profile.createRawOutputStream()) {
            out.write(SRGB_DEFLATED);
        }
        profile.setInt(COSName.N, 3);
        intent.getCOSObject().setItem(COSName.DEST_OUTPUT_PROFILE, profile);
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        catalog.addOutputIntent(intent);
    }

    private static byte[] deflatedSrgb() {
        try (PDDocument document = new PDDocument()) {
            PDOutputIntent intent = new PDOutputIntent(document,
                    new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
            try (InputStream in = intent.getDestOutputIntent().createRawInputStream()) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The data (which includes id and version) gives the /ID: a re-render is the same file. */
    private static void setDocumentId(PDDocument document, String dataSha256) {
        byte[] id = HexFormat.of().parseHex(dataSha256.substring(0, 32));
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    /** OpenPDF lists only part of the subset's glyphs in /CIDSet; PDF/A-2/3 allow omitting it. */
    private static void removeCidSets(PDResources resources) {
        if (resources == null) {
            return;
        }
        COSDictionary fonts = resources.getCOSObject().getCOSDictionary(COSName.FONT);
        if (fonts == null) {
            return;
        }
        for (COSName name : fonts.keySet()) {
            COSDictionary font = fonts.getCOSDictionary(name);
            if (font != null) {
                removeCidSet(font);
                COSArray descendants = font.getCOSArray(COSName.DESCENDANT_FONTS);
                if (descendants != null) {
                    for (int i = 0; i < descendants.size(); i++) {
                        if (descendants.getObject(i) instanceof COSDictionary d) {
                            removeCidSet(d);
                        }
                    }
                }
            }
        }
    }

    private static void removeCidSet(COSDictionary font) {
        COSDictionary descriptor = font.getCOSDictionary(COSName.FONT_DESC);
        if (descriptor != null) {
            descriptor.removeItem(COSName.CID_SET);
        }
    }
}
