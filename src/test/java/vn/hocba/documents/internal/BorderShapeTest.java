package vn.hocba.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xhtmlrenderer.css.constants.IdentValue;
import org.xhtmlrenderer.css.parser.FSRGBColor;
import org.xhtmlrenderer.css.style.derived.BorderPropertySet;
import org.xhtmlrenderer.newtable.CollapsedBorderValue;
import org.xhtmlrenderer.render.BorderPainter;

/** Borders are painted where Flying Saucer paints them: the same points, to the last bit, for every side. */
class BorderShapeTest {

    private static final int[] SIDES = {BorderPainter.TOP, BorderPainter.RIGHT, BorderPainter.BOTTOM,
            BorderPainter.LEFT};
    /** A page transform as the PDF device's: points scaled to PDF units and moved. */
    private static final AffineTransform PAGE = new AffineTransform(1 / 26.666666f, 0, 0, 1 / 26.666666f, 13.7, -5.3);

    @Test
    void bandsAndMiddleLinesAreFlyingSaucersPaths() {
        Random random = new Random(19);
        for (int i = 0; i < 2_000; i++) {
            Rectangle bounds = new Rectangle(random.nextInt(20_000) - 500, random.nextInt(30_000) - 500,
                    random.nextInt(15_000), random.nextInt(15_000));
            BorderPropertySet border = border(random.nextInt(4) == 0 ? 0 : random.nextInt(70),
                    random.nextInt(70), random.nextInt(4) == 0 ? 0 : random.nextInt(70), random.nextInt(70));
            for (int side : SIDES) {
                assertThat(segments(BorderShape.band(bounds, side, border), PAGE))
                        .isEqualTo(segments(BorderPainter.generateBorderShape(bounds, side, border, true, 0, 1, true), PAGE))
                        .isEqualTo(segments(BorderPainter.generateBorderShape(bounds, side, border, true, 0, 1, false), PAGE));
                assertThat(segments(BorderShape.middleLine(bounds, side, border), PAGE)).isEqualTo(
                        segments(BorderPainter.generateBorderShape(bounds, side, border, false, .5f, 1, true), PAGE));
            }
        }
    }

    @Test
    void aSideIsABandAlongTheBoundsMitredTowardsItsNeighbours() {
        Rectangle bounds = new Rectangle(10, 20, 100, 50);
        BorderPropertySet border = border(4, 2, 6, 8);
        AffineTransform none = new AffineTransform();
        assertThat(segments(BorderShape.band(bounds, BorderPainter.TOP, border), none))
                .containsExactly("winding 1", "0 10 20", "1 110 20", "1 108 24", "1 18 24", "4");
        assertThat(segments(BorderShape.band(bounds, BorderPainter.LEFT, border), none))
                .containsExactly("winding 1", "0 10 70", "1 10 20", "1 18 24", "1 18 64", "4");
        assertThat(segments(BorderShape.middleLine(bounds, BorderPainter.BOTTOM, border), none))
                .containsExactly("winding 1", "0 109 67", "1 14 67");
    }

    private static BorderPropertySet border(int top, int right, int bottom, int left) {
        FSRGBColor black = new FSRGBColor(0, 0, 0);
        return new BorderPropertySet(new CollapsedBorderValue(IdentValue.SOLID, top, black, 1),
                new CollapsedBorderValue(IdentValue.SOLID, right, black, 1),
                new CollapsedBorderValue(IdentValue.SOLID, bottom, black, 1),
                new CollapsedBorderValue(IdentValue.SOLID, left, black, 1));
    }

    /** Segment type and float coordinates in page units, as the PDF device reads a shape it fills or strokes. */
    private static List<String> segments(Shape shape, AffineTransform transform) {
        List<String> result = new ArrayList<>();
        float[] c = new float[6];
        PathIterator points = shape.getPathIterator(transform);
        result.add("winding " + points.getWindingRule());
        for (; !points.isDone(); points.next()) {
            int type = points.currentSegment(c);
            result.add(type == PathIterator.SEG_CLOSE ? "4"
                    : type + " " + Float.toString(c[0]).replaceAll("\\.0$", "") + " "
                            + Float.toString(c[1]).replaceAll("\\.0$", ""));
        }
        return result;
    }
}
