package vn.hocba.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

class VerificationQrTest {

    @Test
    void theQrCodeOnEveryPageOfTheTranscriptLeadsToItsVerificationAddressWithTheDataHash() throws Exception {
        byte[] pdf = RenderedSamples.pdf(DocumentKind.TRANSCRIPT);
        String hash = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(RenderedSamples.embeddedXml(pdf)));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 150);
                // The QR code sits in the bottom margin: decode only that strip.
                BufferedImage footer = image.getSubimage(0, image.getHeight() * 4 / 5, image.getWidth() / 2,
                        image.getHeight() / 5);
                assertThat(decode(footer)).as("page " + (page + 1))
                        .isEqualTo("http://localhost:8080/xac-minh/HB-01001-2024-2025-HS7A1001-v1?sha256=" + hash);
            }
        }
    }

    private static String decode(BufferedImage image) throws Exception {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }
}
