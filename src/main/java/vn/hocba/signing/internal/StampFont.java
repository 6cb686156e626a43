package vn.hocba.signing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Liberation Serif (SIL OFL), embedded as a subset: it has every Vietnamese letter with its
 * diacritics, and an embedded font keeps a PDF/A document PDF/A. The file is read from the
 * classpath once and parsed once per thread (a parsed font is not thread-safe); PDFBox does not
 * close a font it was handed, so the parsed font outlives each document.
 */
public final class StampFont {

    private static final byte[] REGULAR_FILE = read("/fonts/LiberationSerif-Regular.ttf");
    private static final ThreadLocal<TrueTypeFont> REGULAR = ThreadLocal.withInitial(() -> parse(REGULAR_FILE));

    private StampFont() {
    }

    public static PDType0Font regular(PDDocument document) {
        return load(document, REGULAR);
    }

    private static PDType0Font load(PDDocument document, ThreadLocal<TrueTypeFont> font) {
        try {
            return PDType0Font.load(document, font.get(), true);
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
