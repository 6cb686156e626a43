package vn.hocba.documents.internal;

import java.awt.Point;
import org.xhtmlrenderer.layout.LayoutContext;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextReplacedElement;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.RenderingContext;

/**
 * A running element on a later page, standing in for its layout on an earlier page ({@link RepeatedFooters}): the
 * same size, and painted by painting that layout again where this box lies.
 */
final class RepeatedFooter implements ITextReplacedElement {

    private final BlockBox first;
    private final Point location = new Point();

    RepeatedFooter(BlockBox first) {
        this.first = first;
    }

    @Override
    public void paint(RenderingContext c, ITextOutputDevice outputDevice, BlockBox box) {
        int dx = box.getAbsX() - first.getAbsX();
        int dy = box.getAbsY() - first.getAbsY();
        outputDevice.translate(dx, dy);
        // the first page's margin area: the element and nothing else (the other margin boxes of the area are empty)
        first.getContainingLayer().paint(c);
        outputDevice.translate(-dx, -dy);
    }

    @Override
    public int getIntrinsicWidth() {
        return first.getContentWidth();
    }

    @Override
    public int getIntrinsicHeight() {
        return first.getHeight();
    }

    @Override
    public Point getLocation() {
        return location;
    }

    @Override
    public void setLocation(int x, int y) {
        location.setLocation(x, y);
    }

    @Override
    public void detach(LayoutContext c) {
    }

    @Override
    public boolean isRequiresInteractivePaint() {
        return false;
    }

    @Override
    public boolean hasBaseline() {
        return false;
    }

    @Override
    public int getBaseline() {
        return 0;
    }
}
