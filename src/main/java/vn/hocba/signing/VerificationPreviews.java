package vn.hocba.signing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.stereotype.Component;
import vn.hocba.documents.IssuedDocument;
import vn.hocba.storage.ObjectAlreadyStoredException;
import vn.hocba.storage.ObjectStore;

/**
 * The picture of page 1 shown on the public verification page to whoever holds the document: rendered
 * once per document version and file (PDFBox, 60 dpi, PNG) and kept in the store under
 * {@code cache/previews/<version>/<SHA-256 of the file>.png}, so that every node serves the same picture
 * and a second request renders nothing; a new signature stage is a new file and so a new picture. Read
 * back checked against the hash stored with it, like every object.
 */
@Component
public class VerificationPreviews {

    private static final float DPI = 60;

    private final SignedVersions signed;
    private final ObjectStore objects;
    private final AtomicLong rendered = new AtomicLong();

    VerificationPreviews(SignedVersions signed, ObjectStore objects) {
        this.signed = signed;
        this.objects = objects;
    }

    /** Page 1 of the version's current file as PNG, from the store or rendered and stored now. */
    public byte[] firstPage(IssuedDocument document) {
        String key = "cache/previews/" + document.id() + "/" + signed.sha256(document) + ".png";
        if (objects.exists(key)) {
            return objects.read(key, null, document.id());
        }
        byte[] png = render(document);
        try {
            objects.put(key, document.id(), out -> out.write(png));
        } catch (ObjectAlreadyStoredException e) {
            return objects.read(key, null, document.id()); // another node stored its picture first
        }
        return png;
    }

    /** How many pictures this node rendered (the rest came from the store). */
    public long rendered() {
        return rendered.get();
    }

    private byte[] render(IssuedDocument document) {
        try (InputStream in = signed.open(document);
                PDDocument pdf = Loader.loadPDF(new RandomAccessReadBuffer(in))) {
            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, DPI, ImageType.RGB);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(page, "png", png);
            rendered.incrementAndGet();
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render page 1 of " + document.id(), e);
        }
    }
}
