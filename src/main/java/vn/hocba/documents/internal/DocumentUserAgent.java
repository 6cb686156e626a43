package vn.hocba.documents.internal;

import com.lowagie.text.Image;
import org.xhtmlrenderer.pdf.ITextFSImage;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextUserAgent;
import org.xhtmlrenderer.resource.ImageResource;

/**
 * Flying Saucer's user agent for one document, which also knows the verification QR code's images
 * ({@link QrCodeImage#URI_PREFIX}); every other resource as Flying Saucer loads it.
 */
final class DocumentUserAgent extends ITextUserAgent {

    private final int dotsPerPixel;
    private String qrUri;
    private Image qrImage;

    DocumentUserAgent(ITextOutputDevice outputDevice, int dotsPerPixel) {
        super(outputDevice, dotsPerPixel);
        this.dotsPerPixel = dotsPerPixel;
    }

    @Override
    public ImageResource getImageResource(String uri) {
        if (!QrCodeImage.isQrUri(uri)) {
            return super.getImageResource(uri);
        }
        if (!uri.equals(qrUri)) { // the same code on every page: encoded once per document
            Image image = QrCodeImage.of(uri);
            // one CSS pixel is dotsPerPixel layout dots, as Flying Saucer scales the images it loads itself
            image.scaleAbsolute(image.getPlainWidth() * dotsPerPixel, image.getPlainHeight() * dotsPerPixel);
            qrUri = uri;
            qrImage = image;
        }
        // a copy per use (layout scales it), sharing the pixels and the PDF image object
        return new ImageResource(uri, new ITextFSImage(Image.getInstance(qrImage)));
    }
}
