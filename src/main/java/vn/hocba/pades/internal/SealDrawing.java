package vn.hocba.pades.internal;

import java.io.IOException;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

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

    static void draw(StampContent content, PDType0Font font, String name, float cx, float cy, float radius)
            throws IOException {
        content.op("RG", RED_R, RED_G, RED_B).op("rg", RED_R, RED_G, RED_B);
        content.op("w", Math.max(1f, radius / 22));
        circle(content, cx, cy, radius - 1);
        content.op("S");
        content.op("w", Math.max(0.5f, radius / 40));
        circle(content, cx, cy, radius * 0.66f);
        content.op("S");
        star(content, cx, cy, radius * 0.3f);
        content.op("f");
        ringText(content, font, name.toUpperCase(Locale.forLanguageTag("vi")), cx, cy, radius * 0.74f, radius * 0.2f);
    }

    private static void ringText(StampContent content, PDType0Font font, String text, float cx, float cy,
                                 float r, float size) throws IOException {
        float total = font.getStringWidth(text) / 1000f * size;
        float maxArc = (float) (1.7 * Math.PI * r);
        if (total > maxArc) {
            size *= maxArc / total;
            total = maxArc;
        }
        double angle = Math.PI / 2 + total / r / 2; // start left of the top, write clockwise
        content.op("BT").font(font, size);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String glyph = new String(Character.toChars(cp));
            i += Character.charCount(cp);
            float w = font.getStringWidth(glyph) / 1000f * size;
            double mid = angle - w / r / 2;
            float x = (float) (cx + r * Math.cos(angle));
            float y = (float) (cy + r * Math.sin(angle));
            float cos = (float) Math.cos(mid - Math.PI / 2);
            float sin = (float) Math.sin(mid - Math.PI / 2);
            content.op("Tm", cos, sin, -sin, cos, x, y).show(font, glyph);
            angle -= w / r;
        }
        content.op("ET");
    }

    private static void circle(StampContent content, float cx, float cy, float r) throws IOException {
        float k = 0.5523f * r;
        content.op("m", cx + r, cy);
        content.op("c", cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        content.op("c", cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        content.op("c", cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        content.op("c", cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        content.op("h");
    }

    private static void star(StampContent content, float cx, float cy, float r) throws IOException {
        for (int i = 0; i < 10; i++) {
            double a = Math.PI / 2 + i * Math.PI / 5;
            float rr = i % 2 == 0 ? r : r * 0.4f;
            float x = (float) (cx + rr * Math.cos(a));
            float y = (float) (cy + rr * Math.sin(a));
            content.op(i == 0 ? "m" : "l", x, y);
        }
        content.op("h");
    }
}
