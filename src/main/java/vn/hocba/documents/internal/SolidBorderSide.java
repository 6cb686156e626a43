package vn.hocba.documents.internal;

import java.awt.Rectangle;
import java.awt.geom.Path2D;
import org.xhtmlrenderer.css.style.derived.BorderPropertySet;
import org.xhtmlrenderer.render.BorderPainter;

/**
 * The area Flying Saucer fills for one solid side of a border without rounded corners: the quadrilateral from the
 * box's outer corners to the inner ones (mitred where two sides meet), the points in Flying Saucer's order. {@code
 * BorderPainter.generateBorderShape} builds the same four points through its general path (corner arcs, three
 * transforms of the path); for the thousands of table cell sides of a class's documents that was about a third of
 * painting their borders. {@code SolidBorderSideTest} compares the two shapes.
 */
final class SolidBorderSide {

    private SolidBorderSide() {
    }

    /** Solid and painted here: no rounded corner on the box ({@link BorderPropertySet#hasBorderRadius}). */
    static boolean applies(BorderPropertySet border) {
        return !border.hasBorderRadius();
    }

    static Path2D shape(Rectangle bounds, BorderPropertySet border, int side) {
        float x = bounds.x;
        float y = bounds.y;
        float right = x + bounds.width;
        float bottom = y + bounds.height;
        Path2D path = new Path2D.Float(Path2D.WIND_NON_ZERO, 5);
        switch (side) {
            case BorderPainter.TOP -> quadrilateral(path, x, y, right, y, right - border.right(), y + border.top(),
                    x + border.left(), y + border.top());
            case BorderPainter.BOTTOM -> quadrilateral(path, right, bottom, x, bottom, x + border.left(),
                    bottom - border.bottom(), right - border.right(), bottom - border.bottom());
            case BorderPainter.LEFT -> quadrilateral(path, x, bottom, x, y, x + border.left(), y + border.top(),
                    x + border.left(), bottom - border.bottom());
            default -> quadrilateral(path, right, y, right, bottom, right - border.right(), bottom - border.bottom(),
                    right - border.right(), y + border.top());
        }
        return path;
    }

    private static void quadrilateral(Path2D path, float x1, float y1, float x2, float y2, float x3, float y3, float x4,
            float y4) {
        path.moveTo(x1, y1);
        path.lineTo(x2, y2);
        path.lineTo(x3, y3);
        path.lineTo(x4, y4);
        path.closePath();
    }
}
