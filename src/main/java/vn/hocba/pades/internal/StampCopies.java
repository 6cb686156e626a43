package vn.hocba.pades.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;

/**
 * The stamps of one signer's batch are one drawing: the same name, role and claimed time in boxes of the same
 * size. Drawing a stamp embeds a font subset, for which PDFBox measures every glyph of the font and writes a
 * new TrueType file. {@link #draw} draws each kind of stamp once, in a document of its own, and gives every
 * further document a copy of its objects (streams as their encoded bytes, dictionaries and arrays entry by entry
 * in the same order, direct where the drawing's were): the bytes written into a signed revision are the bytes
 * drawing it again would write. Kept per process for the last {@value #KEPT} kinds; a stamp is a function of its
 * key alone, so nothing kept can go stale.
 */
public final class StampCopies {

    static final int KEPT = 64;

    private record Key(float x, float y, float width, float height, String title, List<String> lines, String seal) {
    }

    /** A drawn stamp: its appearance stream and the encoded bytes of every stream under it (never changed). */
    private record Drawn(COSStream appearance, Map<COSStream, byte[]> encoded) {
    }

    private static final Map<Key, Drawn> DRAWN = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Drawn> eldest) {
            return size() > KEPT;
        }
    };

    private StampCopies() {
    }

    /** {@link SignatureStamp#draw}'s stamp in {@code document}, drawn once per kind and copied after that. */
    public static PDAppearanceStream draw(PDDocument document, PDRectangle bbox, String title, List<String> lines,
                                          String seal) {
        Key key = new Key(bbox.getLowerLeftX(), bbox.getLowerLeftY(), bbox.getWidth(), bbox.getHeight(), title,
                List.copyOf(lines), seal);
        Drawn drawn;
        synchronized (DRAWN) {
            drawn = DRAWN.get(key);
        }
        if (drawn == null) {
            drawn = drawAlone(bbox, title, lines, seal);
            synchronized (DRAWN) {
                DRAWN.put(key, drawn);
            }
        }
        return new PDAppearanceStream((COSStream) new Copy(document, drawn.encoded()).of(drawn.appearance()));
    }

    private static Drawn drawAlone(PDRectangle bbox, String title, List<String> lines, String seal) {
        try (PDDocument alone = new PDDocument()) {
            COSStream appearance = SignatureStamp.draw(alone, bbox, title, lines, seal).getCOSObject();
            Map<COSStream, byte[]> encoded = new IdentityHashMap<>();
            collect(appearance, encoded, new IdentityHashMap<>());
            return new Drawn(appearance, encoded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads every stream's encoded bytes while the drawing's document is open. */
    private static void collect(COSBase object, Map<COSStream, byte[]> encoded, Map<COSBase, Boolean> seen)
            throws IOException {
        if (seen.put(object, Boolean.TRUE) != null) {
            return;
        }
        if (object instanceof COSStream stream) {
            try (InputStream in = stream.createRawInputStream()) {
                encoded.put(stream, in.readAllBytes());
            }
        }
        if (object instanceof COSDictionary dictionary) {
            for (COSBase value : dictionary.getValues()) {
                collect(value, encoded, seen);
            }
        } else if (object instanceof COSArray array) {
            for (COSBase item : array) {
                collect(item, encoded, seen);
            }
        }
    }

    /** One copy into a document: an object reached twice is copied once. */
    private static final class Copy {

        private final PDDocument document;
        private final Map<COSStream, byte[]> encoded;
        private final Map<COSBase, COSBase> copies = new IdentityHashMap<>();

        Copy(PDDocument document, Map<COSStream, byte[]> encoded) {
            this.document = document;
            this.encoded = encoded;
        }

        COSBase of(COSBase object) {
            COSBase done = copies.get(object);
            if (done != null) {
                return done;
            }
            COSBase copy;
            if (object instanceof COSStream stream) {
                copy = stream(stream);
            } else if (object instanceof COSDictionary dictionary) {
                COSDictionary d = new COSDictionary();
                d.setDirect(dictionary.isDirect());
                copies.put(object, d);
                dictionary.entrySet().forEach(e -> d.setItem(e.getKey(), of(e.getValue())));
                copy = d;
            } else if (object instanceof COSArray array) {
                COSArray a = new COSArray();
                a.setDirect(array.isDirect());
                copies.put(object, a);
                array.forEach(item -> a.add(of(item)));
                copy = a;
            } else if (object instanceof COSString string) {
                COSString s = new COSString(string.getBytes());
                s.setForceHexForm(string.getForceHexForm());
                s.setDirect(string.isDirect());
                copy = s;
            } else {
                return object; // names, numbers, booleans and null: immutable and shared by every document
            }
            copies.put(object, copy);
            return copy;
        }

        private COSStream stream(COSStream stream) {
            COSStream s = document.getDocument().createCOSStream();
            copies.put(stream, s);
            stream.entrySet().forEach(e -> s.setItem(e.getKey(), of(e.getValue())));
            try (OutputStream out = s.createRawOutputStream()) {
                out.write(encoded.get(stream));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return s;
        }
    }
}
