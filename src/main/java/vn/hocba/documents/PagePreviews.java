package vn.hocba.documents;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import vn.hocba.common.Rejected;

/**
 * Page images of a document version, rendered server-side with PDFBox so that the principal sees what
 * they sign, even on a phone without a PDF viewer. Rendered once per file (keyed by its SHA-256, under
 * {@code ${hocba.data-dir}/previews/<document version>/<sha>/<page>.png}) and served from there afterwards.
 */
@Service
public class PagePreviews {

    /** 110 dpi: an A4 page about 910 px wide, readable on a phone when zoomed, small enough to send. */
    private static final float DPI = 110f;

    private final Path root;

    PagePreviews(@Value("${hocba.data-dir}") Path dataDir) {
        this.root = dataDir.resolve("previews");
    }

    /** The number of pages of {@code pdf}. */
    public int pages(Path pdf) {
        try (PDDocument document = open(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PNG of page {@code page} (1-based) of {@code pdf}, a file of version {@code versionId} with SHA-256 {@code sha256}. */
    public Path page(String versionId, String sha256, Path pdf, int page) {
        Path cached = root.resolve(safe(versionId)).resolve(safe(sha256)).resolve(page + ".png");
        if (Files.exists(cached)) {
            return cached;
        }
        try (PDDocument document = open(pdf)) {
            if (page < 1 || page > document.getNumberOfPages()) {
                throw Rejected.notFound("Văn bản " + versionId + " không có trang " + page + " (có "
                        + document.getNumberOfPages() + " trang).");
            }
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page - 1, DPI, ImageType.RGB);
            Files.createDirectories(cached.getParent());
            Path partial = Files.createTempFile(cached.getParent(), "page", ".part");
            ImageIO.write(image, "png", partial.toFile());
            Files.move(partial, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return cached;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PDDocument open(Path pdf) throws IOException {
        return Loader.loadPDF(pdf.toFile(), null, null, null,
                MemoryUsageSetting.setupMixed(8L * 1024 * 1024).streamCache);
    }

    /** Ids and hashes are ours, but never let one name a path outside the cache. */
    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
