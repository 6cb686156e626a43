package vn.hocba.documents.internal;

import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.Deflater;

/**
 * Liberation Serif (SIL OFL 1.1, metric-compatible with Times New Roman), loaded once from
 * {@code fonts/} on the classpath. OpenPDF keeps glyph usage per writer, so the parsed fonts are
 * shared by every document. Subsets are written with a fixed tag ({@link FontSubsetTags}) and without a
 * {@code /CIDSet}: OpenPDF's lists only part of the subset's glyphs, where PDF/A wants all of them, and
 * PDF/A-2/3 allow leaving it out. Each subset (≈ 40 KB per font, three fonts per transcript) is deflated at level 1,
 * like the page contents ({@link PdfAParts}): a font's streams take the font's own level, not the writer's, and at
 * zlib's default level they cost ≈ 0.7 ms each, ≈ a tenth of a transcript (native code, which JFR's execution samples
 * do not show); at level 1 half that, for ≈ 3.5 KB more per transcript. The font program itself is unchanged.
 */
final class EmbeddedFonts {

    private static final List<String> FILES = List.of(
            "LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
            "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf");

    private static final List<BaseFont> FONTS = FILES.stream().map(EmbeddedFonts::load).toList();

    static {
        for (int i = 0; i < FONTS.size(); i++) {
            FONTS.get(i).setIncludeCidSet(false);
            FONTS.get(i).setCompressionLevel(Deflater.BEST_SPEED);
            FontSubsetTags.fix(FONTS.get(i), i);
        }
    }

    private EmbeddedFonts() {
    }

    static List<BaseFont> liberationSerif() {
        return FONTS;
    }

    /** The classpath resource a font was read from. */
    static String resourcePath(BaseFont font) {
        return "fonts/" + FILES.get(FONTS.indexOf(font));
    }

    private static BaseFont load(String file) {
        try (InputStream in = EmbeddedFonts.class.getResourceAsStream("/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("font missing from classpath: fonts/" + file);
            }
            return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + file, e);
        }
    }
}
