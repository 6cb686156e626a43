package vn.hocba.documents.internal;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.pdf.PagePosition;

/**
 * A signature box found after layout: the field name and its rectangle in PDF user space
 * (points, origin bottom-left) on a 0-based page. A signature box is any element with {@code id="sig-<field>"}.
 */
record SignatureBox(String field, int pageIndex, float x, float y, float width, float height) {

    private static final Pattern ID = Pattern.compile("sig-.+");

    /** Fields in reading order (page, top to bottom, left to right), whatever the layout's order. */
    private static final Comparator<SignatureBox> READING_ORDER = Comparator
            .comparingInt(SignatureBox::pageIndex)
            .thenComparing(b -> -Math.round(b.y() + b.height()))
            .thenComparing(SignatureBox::x);

    /** The boxes of a laid-out document whose pages are being written (positions need the output device's tree). */
    static List<SignatureBox> of(ITextRenderer renderer) {
        return renderer.findPagePositionsByID(ID).stream().map(SignatureBox::of).sorted(READING_ORDER).toList();
    }

    private static SignatureBox of(PagePosition p) {
        return new SignatureBox(p.getId().substring("sig-".length()), p.getPageNo(), p.getX(), p.getY(),
                p.getWidth(), p.getHeight());
    }
}
