package vn.hocba.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Rectangle;
import java.awt.Shape;
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

/**
 * A solid border side is filled with the area Flying Saucer would fill: for every side of table cells of many sizes
 * and positions (in the renderer's dots, up to several pages down) and every mix of side widths, including sides
 * without width next to it, the same segments with the same points as {@code BorderPainter.generateBorderShape}.
 */
class SolidBorderSideTest {

    /** Float rounding of coordinates up to ≈ 10^5 dots (a dot is 1/20 pt): far below anything visible. */
    private static final double DOTS = 0.02;
    private static final int[] SIDES = {BorderPainter.TOP, BorderPainter.BOTTOM, BorderPainter.LEFT,
            BorderPainter.RIGHT};
    private static final int[] WIDTHS = {0, 1, 13, 20, 26, 40};

    @Test
    void everySideOfCellsOfManySizesIsTheAreaFlyingSaucerBuilds() {
        Random random = new Random(26);
        int compared = 0;
        for (int round = 0; round < 300; round++) {
            Rectangle bounds = new Rectangle(random.nextInt(12_000), random.nextInt(100_000), 1 + random.nextInt(4_000),
                    1 + random.nextInt(1_500));
            BorderPropertySet border = solid(pick(random), pick(random), pick(random), pick(random));
            assertThat(SolidBorderSide.applies(border)).isTrue();
            for (int side : SIDES) {
                sameSegments("side " + side + " of " + bounds + " with " + border,
                        points(SolidBorderSide.shape(bounds, border, side)),
                        points(BorderPainter.generateBorderShape(bounds, side, border, true, 0, 1, true)));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(1_200);
    }

    private static int pick(Random random) {
        return WIDTHS[random.nextInt(WIDTHS.length)];
    }

    private static BorderPropertySet solid(int top, int right, int bottom, int left) {
        return new BorderPropertySet(side(top), side(right), side(bottom), side(left));
    }

    private static CollapsedBorderValue side(int width) {
        return new CollapsedBorderValue(IdentValue.SOLID, width, new FSRGBColor(0, 0, 0), 0);
    }

    /** Each segment as its type followed by its points. */
    private static List<double[]> points(Shape shape) {
        List<double[]> segments = new ArrayList<>();
        double[] c = new double[6];
        for (PathIterator it = shape.getPathIterator(null); !it.isDone(); it.next()) {
            int type = it.currentSegment(c);
            int n = type == PathIterator.SEG_CLOSE ? 0 : type == PathIterator.SEG_QUADTO ? 4
                    : type == PathIterator.SEG_CUBICTO ? 6 : 2;
            double[] segment = new double[n + 1];
            segment[0] = type;
            System.arraycopy(c, 0, segment, 1, n);
            segments.add(segment);
        }
        return segments;
    }

    private static void sameSegments(String what, List<double[]> ours, List<double[]> theirs) {
        assertThat(ours).as(what).hasSameSizeAs(theirs);
        for (int i = 0; i < ours.size(); i++) {
            assertThat(ours.get(i)).as(what).hasSameSizeAs(theirs.get(i));
            assertThat(ours.get(i)[0]).as("%s: segment %d's type", what, i).isEqualTo(theirs.get(i)[0]);
            for (int j = 1; j < ours.get(i).length; j++) {
                assertThat(ours.get(i)[j]).as("%s: segment %d, coordinate %d", what, i, j)
                        .isCloseTo(theirs.get(i)[j], within(DOTS));
            }
        }
    }
}
