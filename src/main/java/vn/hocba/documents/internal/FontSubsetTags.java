package vn.hocba.documents.internal;

import com.lowagie.text.pdf.BaseFont;
import java.lang.reflect.Field;
import java.security.SecureRandom;

/**
 * Gives each font a fixed subset tag ("AAAAAA+LiberationSerif", "BBBBBB+LiberationSerif-Bold", ...) instead of
 * OpenPDF's random one. With the dates taken from the data and the file ID derived from the data hash
 * ({@link DocumentFileId}), the same data then always gives the same PDF bytes, so a retried generation is
 * recognisably the same file (and committed samples do not churn). A document has one subset per font, so the tags
 * still differ within a file, as the PDF specification asks.
 */
final class FontSubsetTags {

    private FontSubsetTags() {
    }

    /**
     * OpenPDF draws a tag's six letters from the font's {@code secureRandom} (a protected field meant for subclasses;
     * the TrueType font classes are package-private, so it is set here by reflection). The source below gives the same
     * letter every time, without state, so fonts shared by several rendering threads stay deterministic.
     */
    static void fix(BaseFont font, int index) {
        if (index < 0 || index >= 26) {
            throw new IllegalArgumentException("no subset tag letter for font " + index);
        }
        try {
            Field random = BaseFont.class.getDeclaredField("secureRandom");
            random.setAccessible(true);
            random.set(font, new SameLetter(index));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot fix the subset tag of " + font.getPostscriptFontName(), e);
        }
    }

    /** OpenPDF takes {@code (char) (nextDouble() * 26 + 'A')}: the middle of the letter's interval. */
    private static final class SameLetter extends SecureRandom {

        private static final long serialVersionUID = 1L;
        private final double letter;

        SameLetter(int index) {
            this.letter = (index + 0.5) / 26;
        }

        @Override
        public double nextDouble() {
            return letter;
        }
    }
}
