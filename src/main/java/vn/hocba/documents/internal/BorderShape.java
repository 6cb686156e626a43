package vn.hocba.documents.internal;

import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import org.xhtmlrenderer.css.style.derived.BorderPropertySet;
import org.xhtmlrenderer.render.BorderPainter;

/**
 * The outline Flying Saucer's {@code BorderPainter.generateBorderShape} gives one side of a border without rounded
 * corners, worked out directly: the same float points, rounded at the same steps, so the page gets the same numbers.
 *
 * <p>Flying Saucer builds every side as if it were the top one (normalising the corner radii into a new border,
 * arcs or lines per corner), then moves, rotates and moves the path back with three {@code AffineTransform}s: a
 * seventh of a transcript's page painting, two thirds of it for the ruled tables' collapsed borders, whose cells
 * paint their four sides each. Without radii the side is two points (its middle line) or four (its band, a
 * trapezoid mitred towards the neighbouring sides); the three steps are applied here to those points only, with
 * the same transforms, so each coordinate goes through the same float roundings.
 */
final class BorderShape {

    private static final AffineTransform[] ROTATIONS = {AffineTransform.getRotateInstance(0),
            AffineTransform.getRotateInstance(Math.PI / 2), AffineTransform.getRotateInstance(Math.PI),
            AffineTransform.getRotateInstance(3 * Math.PI / 2)};

    private BorderShape() {
    }

    /** As {@code generateBorderShape(bounds, side, border, true, 0, 1, overlap)}: the side's band, closed. */
    static Path2D.Float band(Rectangle bounds, int side, BorderPropertySet border) {
        return side(bounds, side, border, true, 0);
    }

    /** As {@code generateBorderShape(bounds, side, border, false, .5f, 1, true)}: the line in the band's middle. */
    static Path2D.Float middleLine(Rectangle bounds, int side, BorderPropertySet border) {
        return side(bounds, side, border, false, .5f);
    }

    /** Only for a border without rounded corners (then {@code overlap} changes nothing in Flying Saucer either). */
    private static Path2D.Float side(Rectangle bounds, int side, BorderPropertySet border, boolean interior,
            float scaledOffset) {
        float widthScale = 1;
        // Flying Saucer's RelativeBorderProperties: the side seen as the top one
        int turn;
        float top;
        float left;
        float right;
        switch (side) {
            case BorderPainter.TOP -> {
                turn = 0;
                top = border.top() * widthScale;
                left = border.left() * widthScale;
                right = border.right() * widthScale;
            }
            case BorderPainter.RIGHT -> {
                turn = 1;
                top = border.right() * widthScale;
                left = border.top() * widthScale;
                right = border.bottom() * widthScale;
            }
            case BorderPainter.BOTTOM -> {
                turn = 2;
                top = border.bottom() * widthScale;
                left = border.right() * widthScale;
                right = border.left() * widthScale;
            }
            case BorderPainter.LEFT -> {
                turn = 3;
                top = border.left() * widthScale;
                left = border.bottom() * widthScale;
                right = border.top() * widthScale;
            }
            default -> throw new IllegalArgumentException("No side found");
        }
        boolean swapped = turn % 2 == 1;
        float sideWidth = swapped
                ? bounds.height - (1 + scaledOffset) * widthScale * (border.top() + border.bottom())
                : bounds.width - (1 + scaledOffset) * widthScale * (border.left() + border.right());
        float[] points = interior
                ? new float[]{0 - left, 0 - top, sideWidth + right, 0 - top, sideWidth, 0, 0, 0}
                : new float[]{0 - left, 0 - top, sideWidth + right, 0 - top};
        int count = points.length / 2;
        AffineTransform step = AffineTransform.getTranslateInstance(
                (!swapped ? -bounds.width / 2f : -bounds.height / 2f) + (scaledOffset + 1) * left,
                (swapped ? -bounds.width / 2f : -bounds.height / 2f) + (scaledOffset + 1) * top);
        step.transform(points, 0, points, 0, count);
        ROTATIONS[turn].transform(points, 0, points, 0, count);
        step.setToTranslation(bounds.width / 2f + bounds.x, bounds.height / 2f + bounds.y);
        step.transform(points, 0, points, 0, count);

        Path2D.Float path = new Path2D.Float(Path2D.WIND_NON_ZERO, count + 1);
        path.moveTo(points[0], points[1]);
        for (int i = 1; i < count; i++) {
            path.lineTo(points[2 * i], points[2 * i + 1]);
        }
        if (interior) {
            path.closePath();
        }
        return path;
    }
}
