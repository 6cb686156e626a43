package vn.hocba.signing.internal;

import java.io.IOException;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;

/**
 * A round red seal drawn as vectors: two rings, the organisation's name along the ring and a star
 * in the middle, like a Vietnamese school's seal (it is a picture of the seal; the legal seal is
 * the organisation certificate's signature).
 */
final class SealDrawing {

    private static final float RED_R = 0.80f;
    private static final float RED_G = 0.05f;
    private static final float RED_B = 0.05f;

    private SealDrawing() {
    }

    static void draw(PDPageContentStream content, PDType0Font font, String name, float cx, float cy, float radius)
            throws IOException {
        content.setStrokingColor(RED_R, RED_G, RED_B);
        content.setNonStrokingColor(RED_R, RED_G, RED_B);
        content.setLineWidth(Math.max(1f, radius / 22));
        circle(content, cx, cy, radius - 1);
        content.stroke();
        content.setLineWidth(Math.max(0.5f, radius / 40));
        circle(content, cx, cy, radius * 0.66f);
        content.stroke();
        star(content, cx, cy, radius * 0.3f);
        content.fill();
        ringText(content, font, name.toUpperCase(Locale.forLanguageTag("vi")), cx, cy, radius * 0.74f, radius * 0.2f);
    }

    private static void ringText(PDPageContentStream content, PDType0Font font, String text, float cx, float cy,
                                 float r, float size) throws IOException {
        float total = font.getStringWidth(text) / 1000f * size;
        float maxArc = (float) (1.7 * Math.PI * r);
        if (total > maxArc) {
            size *= maxArc / total;
            total = maxArc;
        }
        double angle = Math.PI / 2 + total / r / 2; // start left of the top, write clockwise
        content.beginText();
        content.setFont(font, size);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String glyph = new String(Character.toChars(cp));
            i += Character.charCount(cp);
            float w = font.getStringWidth(glyph) / 1000f * size;
            double mid = angle - w / r / 2;
            float x = (float) (cx + r * Math.cos(angle));
            float y = (float) (cy + r * Math.sin(angle));
            content.setTextMatrix(Matrix.getRotateInstance(mid - Math.PI / 2, x, y));
            content.showText(glyph);
            angle -= w / r;
        }
        content.endText();
    }

    private static void circle(PDPageContentStream content, float cx, float cy, float r) throws IOException {
        float k = 0.5523f * r;
        content.moveTo(cx + r, cy);
        content.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        content.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        content.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        content.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        content.closePath();
    }

    private static void star(PDPageContentStream content, float cx, float cy, float r) throws IOException {
        for (int i = 0; i < 10; i++) {
            double a = Math.PI / 2 + i * Math.PI / 5;
            float rr = i % 2 == 0 ? r : r * 0.4f;
            float x = (float) (cx + rr * Math.cos(a));
            float y = (float) (cy + rr * Math.sin(a));
            if (i == 0) {
                content.moveTo(x, y);
            } else {
                content.lineTo(x, y);
            }
        }
        content.closePath();
    }
}
