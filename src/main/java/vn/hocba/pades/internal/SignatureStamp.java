package vn.hocba.pades.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;

/**
 * The visible stamp in a signature box: the signer's name, role and signing time in Vietnamese,
 * and for the organisation's signature the red seal. Vector graphics and one embedded font only,
 * no images and no transparency, so that a PDF/A document stays PDF/A.
 */
public final class SignatureStamp {

    private static final float[] INK = {0.05f, 0.15f, 0.55f};

    private SignatureStamp() {
    }

    /**
     * Draws the stamp in the form space {@code bbox} (in points), which becomes the appearance's
     * {@code /BBox} unchanged.
     *
     * @param title first line (set bold), e.g. the role
     * @param lines further lines: name, time
     * @param seal  the organisation's name to draw as a seal, or null for a person
     */
    public static PDAppearanceStream draw(PDDocument document, PDRectangle bbox, String title,
                                          List<String> lines, String seal) {
        float width = bbox.getWidth();
        float height = bbox.getHeight();
        PDAppearanceStream appearance = new PDAppearanceStream(document);
        appearance.setBBox(bbox);
        appearance.setResources(new PDResources());
        List<String> texts = new ArrayList<>(lines);
        texts.add(title);
        texts.add(seal);
        PDType0Font regular = StampFont.regular(document, texts.toArray(String[]::new));
        try {
            StampContent content = new StampContent(appearance.getResources());
            if (bbox.getLowerLeftX() != 0 || bbox.getLowerLeftY() != 0) {
                content.op("cm", 1, 0, 0, 1, bbox.getLowerLeftX(), bbox.getLowerLeftY());
            }
            float textLeft = 2;
            if (seal != null) {
                float diameter = Math.min(height, width) - 2;
                SealDrawing.draw(content, regular, seal, 1 + diameter / 2, height / 2, diameter / 2);
                textLeft = diameter + 6;
            }
            if (width - textLeft > 40) {
                writeLines(content, regular, title, lines, textLeft, width - textLeft - 2, height);
            }
            content.writeTo(appearance);
            regular.subset(); // now, as the stamp is complete: the signature is saved without PDDocument.save
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return appearance;
    }

    /**
     * The title is set in the same font made bold by also stroking the glyph outlines (text render
     * mode 2): one embedded font subset per signature instead of two, a third of a stamp's cost.
     */
    private static void writeLines(StampContent content, PDType0Font regular, String title,
                                   List<String> lines, float left, float width, float height) throws IOException {
        int count = lines.size() + 1;
        float size = Math.min(11f, (height - 4) / (count * 1.25f));
        size = Math.min(size, fit(regular, title, width * 0.97f));
        for (String line : lines) {
            size = Math.min(size, fit(regular, line, width));
        }
        float leading = size * 1.25f;
        float top = height / 2 + count * leading / 2 - size;
        content.op("rg", INK[0], INK[1], INK[2]).op("RG", INK[0], INK[1], INK[2]).op("w", size * 0.04f);
        content.op("BT").op("Td", left, top).font(regular, size);
        content.op("Tr", 2).show(regular, title).op("Tr", 0);
        for (String line : lines) {
            content.op("Td", 0, -leading).show(regular, line);
        }
        content.op("ET");
    }

    private static float fit(PDType0Font font, String text, float width) throws IOException {
        float atOne = font.getStringWidth(text) / 1000f;
        return atOne <= 0 ? 11f : width / atOne;
    }
}
