package vn.hocba.documents.internal;

import com.lowagie.text.pdf.CMYKColor;
import com.lowagie.text.pdf.PdfContentByte;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.PathIterator;
import java.awt.Stroke;
import org.xhtmlrenderer.css.constants.IdentValue;
import org.xhtmlrenderer.css.parser.FSCMYKColor;
import org.xhtmlrenderer.css.parser.FSColor;
import org.xhtmlrenderer.css.parser.FSRGBColor;
import org.xhtmlrenderer.css.style.CalculatedStyle;
import org.xhtmlrenderer.css.style.derived.BorderPropertySet;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.render.BorderPainter;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.RenderingContext;

/**
 * Flying Saucer's PDF output device, painting dotted and dashed border sides without {@code java.awt.geom.Area}.
 *
 * <p>Flying Saucer strokes such a side twice as thick as the border and clips it to the side's area, which it builds
 * with {@code Area} and intersects with the current clip: a fifteenth of a transcript's rendering. Here:
 * <ul>
 * <li>a side between two sides without width and without rounded corners (the fill-in lines under form values): that
 * area is just a band of the border's width around the stroked line, so the same dashes (same path, pattern and
 * phase) stroked exactly as thick as the band cover the same area, with no clip;</li>
 * <li>any other dotted or dashed side (the signature boxes): the same clip and stroke, written straight into the
 * page; the PDF intersects the clip with the current one itself.</li>
 * </ul>
 * A solid side of a box without rounded corners (every table cell) is filled with the same four-point area Flying
 * Saucer builds, made directly ({@link SolidBorderSide}). Every other border is painted by Flying Saucer as before,
 * side by side in Flying Saucer's order.
 */
final class DocumentOutputDevice extends ITextOutputDevice {

    private static final int[] SIDES = {BorderPainter.TOP, BorderPainter.BOTTOM, BorderPainter.LEFT,
            BorderPainter.RIGHT};

    private static final BasicStroke SOLID_STROKE = new BasicStroke(1f);

    private float pageHeight;

    DocumentOutputDevice(float dotsPerPoint) {
        super(dotsPerPoint);
    }

    @Override
    public void paintBorder(RenderingContext c, Box box) {
        if (box.getStyle().isVisible()) {
            paint(c, box.getPaintingBorderEdge(c), box.getBorderSides(), box.getBorder(c));
        }
    }

    @Override
    public void paintBorder(RenderingContext c, CalculatedStyle style, Rectangle edge, int sides) {
        paint(c, edge, sides, style.getBorder(c));
    }

    @Override
    public void paintCollapsedBorder(RenderingContext c, BorderPropertySet border, Rectangle bounds, int side) {
        paint(c, bounds, side, border);
    }

    private void paint(RenderingContext c, Rectangle bounds, int sides, BorderPropertySet border) {
        if (!anyPatterned(sides, border)) {
            if (SolidBorderSide.applies(border)) {
                paintSides(c, bounds, sides, border);
            } else {
                BorderPainter.paint(bounds, sides, border, c, 0);
            }
            return;
        }
        for (int side : SIDES) {
            if ((sides & side) == 0 || BorderSide.none(border, side)
                    || BorderSide.color(border, side) == FSRGBColor.TRANSPARENT) {
                continue; // what BorderPainter.paint leaves out
            }
            if (standsAlone(border, side)) {
                paintPatterned(bounds, border, side);
            } else if (patterned(border, side)) {
                paintPatternedClipped(bounds, border, side);
            } else {
                BorderPainter.paint(bounds, side, border, c, 0);
            }
        }
    }

    /**
     * As BorderPainter.paint, side by side in its order, a solid side's area built directly ({@link SolidBorderSide});
     * any other style is left to Flying Saucer.
     */
    private void paintSides(RenderingContext c, Rectangle bounds, int sides, BorderPropertySet border) {
        for (int side : SIDES) {
            FSColor color = BorderSide.color(border, side);
            if ((sides & side) == 0 || BorderSide.none(border, side) || color == FSRGBColor.TRANSPARENT) {
                continue; // what BorderPainter.paint leaves out
            }
            if (BorderSide.style(border, side) == IdentValue.SOLID) {
                setStroke(SOLID_STROKE); // what BorderPainter sets before filling a solid side
                setColor(color);
                fill(SolidBorderSide.shape(bounds, border, side));
            } else {
                BorderPainter.paint(bounds, side, border, c, 0);
            }
        }
    }

    @Override
    public void initializePage(PdfContentByte currentPage, float height) {
        super.initializePage(currentPage, height);
        pageHeight = height;
    }

    private static boolean anyPatterned(int sides, BorderPropertySet border) {
        for (int side : SIDES) {
            if ((sides & side) != 0 && patterned(border, side)) {
                return true;
            }
        }
        return false;
    }

    /** Dotted or dashed, at least a dot wide. */
    private static boolean patterned(BorderPropertySet border, int side) {
        IdentValue style = BorderSide.style(border, side);
        return (style == IdentValue.DOTTED || style == IdentValue.DASHED) && (int) BorderSide.width(border, side) >= 1;
    }

    /** Patterned, between two sides without width, no rounded corner. */
    private static boolean standsAlone(BorderPropertySet border, int side) {
        if (!patterned(border, side) || border.hasBorderRadius()) {
            return false;
        }
        boolean horizontal = side == BorderPainter.TOP || side == BorderPainter.BOTTOM;
        return horizontal ? border.left() == 0 && border.right() == 0 : border.top() == 0 && border.bottom() == 0;
    }

    /** As BorderPainter.paintPatternedRect, stroked as wide as its clip instead of twice as wide and clipped. */
    private void paintPatterned(Rectangle bounds, BorderPropertySet border, int side) {
        float width = BorderSide.width(border, side);
        int thickness = (int) width;
        float[] pattern = BorderSide.style(border, side) == IdentValue.DASHED
                ? new float[]{8.0f + thickness * 2, 4.0f + thickness}
                : new float[]{thickness, thickness};
        Stroke old = getStroke();
        setColor(BorderSide.color(border, side));
        setStroke(new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_BEVEL, 0, pattern, 0));
        drawBorderLine(BorderPainter.generateBorderShape(bounds, side, border, false, .5f, 1, true), side, thickness,
                false);
        setStroke(old);
    }

    /**
     * As BorderPainter.paintPatternedRect, with the clip written straight into the page: saved state, the side's area
     * as clipping path (the PDF intersects it with the current clip, which Flying Saucer computes with Area), the
     * same stroke, restored state. The restore also undoes the colour and stroke set here, so the device's notion of
     * the current colour and stroke stays true.
     */
    private void paintPatternedClipped(Rectangle bounds, BorderPropertySet border, int side) {
        int thickness = (int) BorderSide.width(border, side);
        float scale = (float) Math.sqrt(Math.abs(getTransform().getDeterminant()));
        float[] pattern = BorderSide.style(border, side) == IdentValue.DASHED
                ? new float[]{(8.0f + thickness * 2) * scale, (4.0f + thickness) * scale}
                : new float[]{thickness * scale, thickness * scale};
        PdfContentByte page = getCurrentPage();
        page.saveState();
        followPath(page, BorderPainter.generateBorderShape(bounds, side, border, true, 0, 1, false));
        page.clip();
        page.newPath();
        FSColor color = BorderSide.color(border, side);
        if (color instanceof FSRGBColor rgb) {
            page.setColorStroke(new Color(rgb.getRed(), rgb.getGreen(), rgb.getBlue(), (int) (rgb.getAlpha() * 255)));
        } else {
            page.setColorStroke(new CMYKColor(((FSCMYKColor) color).getCyan(), ((FSCMYKColor) color).getMagenta(),
                    ((FSCMYKColor) color).getYellow(), ((FSCMYKColor) color).getBlack()));
        }
        page.setLineWidth(2 * thickness * scale);
        page.setLineCap(PdfContentByte.LINE_CAP_BUTT);
        page.setLineJoin(PdfContentByte.LINE_JOIN_BEVEL);
        page.setLineDash(pattern, 0);
        followPath(page, BorderPainter.generateBorderShape(bounds, side, border, false, .5f, 1, true));
        page.stroke();
        page.restoreState();
    }

    /** The shape's outline in page coordinates, as the device's own path writing does. */
    private void followPath(PdfContentByte page, Shape shape) {
        float[] c = new float[6];
        for (PathIterator points = shape.getPathIterator(getTransform()); !points.isDone(); points.next()) {
            int type = points.currentSegment(c);
            c[1] = pageHeight - c[1];
            c[3] = pageHeight - c[3];
            c[5] = pageHeight - c[5];
            switch (type) {
                case PathIterator.SEG_MOVETO -> page.moveTo(c[0], c[1]);
                case PathIterator.SEG_LINETO -> page.lineTo(c[0], c[1]);
                case PathIterator.SEG_CUBICTO -> page.curveTo(c[0], c[1], c[2], c[3], c[4], c[5]);
                case PathIterator.SEG_QUADTO -> page.curveTo(c[0], c[1], c[2], c[3]);
                default -> page.closePath();
            }
        }
    }
}
