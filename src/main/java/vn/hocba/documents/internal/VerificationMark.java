package vn.hocba.documents.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import vn.hocba.documents.DocumentIdentity;

/**
 * What every page shows so that a printed copy can be checked: the version label, the content
 * hash, the verification address and a QR code of that address.
 *
 * @param qrDataUri  a 1-bit PNG (no alpha, so no transparency in the PDF) as a data URI
 */
public record VerificationMark(String versionLabel, String dataSha256, String url, String qrDataUri,
        Optional<String> supersedes) {

    private static final int MODULE_PIXELS = 1;

    static VerificationMark of(DocumentIdentity identity, String dataSha256, String baseUrl) {
        String url = baseUrl + identity.versionLabel();
        String qrContent = url + "?sha256=" + dataSha256;
        return new VerificationMark(identity.versionLabel(), dataSha256, url, qrPng(qrContent), identity.supersedes());
    }

    /** The first 16 hex digits of the hash, enough to compare a printout by eye. */
    public String shortHash() {
        return dataSha256.substring(0, 16);
    }

    private static String qrPng(String content) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
            BufferedImage image = new BufferedImage(matrix.getWidth() * MODULE_PIXELS,
                    matrix.getHeight() * MODULE_PIXELS, BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    boolean dark = matrix.get(x / MODULE_PIXELS, y / MODULE_PIXELS);
                    image.setRGB(x, y, dark ? 0xFF000000 : 0xFFFFFFFF);
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode QR code for " + content, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
