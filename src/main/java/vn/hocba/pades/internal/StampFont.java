package vn.hocba.pades.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Liberation Serif (SIL OFL), embedded as a subset: it has every Vietnamese letter with its
 * diacritics, and an embedded font keeps a PDF/A document PDF/A. The file is read from the
 * classpath once and parsed once per thread (a parsed font is not thread-safe); PDFBox does not
 * close a font it was handed, so the parsed font outlives each document.
 *
 * <p>Stamps use the font's Latin and Vietnamese repertoire, cut out of it once per process (about a
 * tenth of its 2,600 glyphs): PDFBox builds the widths of every glyph of the font it embeds before
 * subsetting, so each stamp's font is made several times faster. Text outside that repertoire
 * falls back to the whole font.
 */
public final class StampFont {

    private static final byte[] REGULAR_FILE = read("/fonts/LiberationSerif-Regular.ttf");
    private static final BitSet REPERTOIRE = repertoire();
    private static final byte[] VIETNAMESE_FILE = cut(REGULAR_FILE, REPERTOIRE);
    private static final ThreadLocal<TrueTypeFont> REGULAR = ThreadLocal.withInitial(() -> parse(REGULAR_FILE));
    private static final ThreadLocal<TrueTypeFont> VIETNAMESE = ThreadLocal.withInitial(() -> parse(VIETNAMESE_FILE));

    private StampFont() {
    }

    /** The font for a stamp showing {@code texts}. */
    public static PDType0Font regular(PDDocument document, String... texts) {
        boolean covered = Arrays.stream(texts).filter(Objects::nonNull)
                .allMatch(text -> text.codePoints().allMatch(REPERTOIRE::get));
        return load(document, covered ? VIETNAMESE : REGULAR);
    }

    private static PDType0Font load(PDDocument document, ThreadLocal<TrueTypeFont> font) {
        try {
            return PDType0Font.load(document, font.get(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ASCII, Latin-1, Latin Extended-A, Ơ ơ Ư ư, combining diacritics, Vietnamese letters (Ạ…ỹ), dashes and quotes. */
    private static BitSet repertoire() {
        BitSet set = new BitSet();
        set.set(0x20, 0x7F);
        set.set(0xA0, 0x180);
        set.set(0x1A0, 0x1A2);
        set.set(0x1AF, 0x1B1);
        set.set(0x300, 0x324);
        set.set(0x1EA0, 0x1EFA);
        set.set(0x2010, 0x2027);
        return set;
    }

    private static byte[] cut(byte[] file, BitSet codePoints) {
        try {
            TTFSubsetter subsetter = new TTFSubsetter(parse(file));
            codePoints.stream().forEach(subsetter::add);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            subsetter.writeToStream(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TrueTypeFont parse(byte[] file) {
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = StampFont.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font " + resource + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
