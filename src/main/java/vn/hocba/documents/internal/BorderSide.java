package vn.hocba.documents.internal;

import org.xhtmlrenderer.css.constants.IdentValue;
import org.xhtmlrenderer.css.parser.FSColor;
import org.xhtmlrenderer.css.style.derived.BorderPropertySet;
import org.xhtmlrenderer.render.BorderPainter;

/** One side ({@link BorderPainter#TOP} etc.) of a Flying Saucer border: is it there, its width, style and colour. */
final class BorderSide {

    private BorderSide() {
    }

    static boolean none(BorderPropertySet border, int side) {
        return switch (side) {
            case BorderPainter.TOP -> border.noTop();
            case BorderPainter.BOTTOM -> border.noBottom();
            case BorderPainter.LEFT -> border.noLeft();
            default -> border.noRight();
        };
    }

    static float width(BorderPropertySet border, int side) {
        return switch (side) {
            case BorderPainter.TOP -> border.top();
            case BorderPainter.BOTTOM -> border.bottom();
            case BorderPainter.LEFT -> border.left();
            default -> border.right();
        };
    }

    static IdentValue style(BorderPropertySet border, int side) {
        return switch (side) {
            case BorderPainter.TOP -> border.topStyle();
            case BorderPainter.BOTTOM -> border.bottomStyle();
            case BorderPainter.LEFT -> border.leftStyle();
            default -> border.rightStyle();
        };
    }

    static FSColor color(BorderPropertySet border, int side) {
        return switch (side) {
            case BorderPainter.TOP -> border.topColor();
            case BorderPainter.BOTTOM -> border.bottomColor();
            case BorderPainter.LEFT -> border.leftColor();
            default -> border.rightColor();
        };
    }
}
