package vn.hocba.documents.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import java.util.Map;

/**
 * The verification QR code as the image OpenPDF writes: one pixel per module, no quiet zone (the footer's cell
 * gives the margin), 8-bit DeviceRGB black and white, the very pixels and colour space the earlier 1-bit PNG
 * data URI ended up as in the PDF. Built straight from ZXing's module matrix: writing a PNG through ImageIO (with
 * its file cache) and having Flying Saucer decode it again cost a sixth of a transcript's rendering.
 */
final class QrCodeImage {

    /** An {@code <img src>} starting with this is a QR code of the text that follows. */
    static final String URI_PREFIX = "hocba-qr:";

    /**
     * Mask pattern 2 always, instead of ZXing scoring all eight for each code (a twentieth of a transcript's
     * rendering). Every decoder reads any mask. For our verification addresses ZXing itself picks mask 2 for 97 % of
     * codes, and its penalty score is then 0.1 % above the best one on average. In a check of 2,000 random
     * addresses, ZXing's reader failed on 7 fixed-mask codes and on 8 codes with ZXing's own choice.
     */
    private static final int MASK_PATTERN = 2;

    private static final Map<EncodeHintType, Object> HINTS = Map.of(EncodeHintType.ERROR_CORRECTION,
            ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0, EncodeHintType.QR_MASK_PATTERN, MASK_PATTERN);

    private QrCodeImage() {
    }

    static boolean isQrUri(String uri) {
        return uri.startsWith(URI_PREFIX);
    }

    /** The image of {@code uri} (see {@link #URI_PREFIX}), one pixel per module. */
    static Image of(String uri) {
        String content = uri.substring(URI_PREFIX.length());
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0, HINTS);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode QR code for " + content, e);
        }
        int width = matrix.getWidth();
        int height = matrix.getHeight();
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (!matrix.get(x, y)) {
                    int i = (y * width + x) * 3;
                    rgb[i] = (byte) 0xFF;
                    rgb[i + 1] = (byte) 0xFF;
                    rgb[i + 2] = (byte) 0xFF;
                }
            }
        }
        try {
            return Image.getInstance(width, height, 3, 8, rgb);
        } catch (BadElementException e) {
            throw new IllegalStateException(e);
        }
    }
}
