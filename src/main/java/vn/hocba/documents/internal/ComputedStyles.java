package vn.hocba.documents.internal;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import org.w3c.dom.Element;
import org.xhtmlrenderer.css.newmatch.CascadedStyle;
import org.xhtmlrenderer.css.style.CalculatedStyle;
import org.xhtmlrenderer.css.style.EmptyStyle;
import org.xhtmlrenderer.layout.SharedContext;

/**
 * Flying Saucer's computed styles ({@link CalculatedStyle}: every property's value, font, borders, line height),
 * kept from one document to the next.
 *
 * <p>Flying Saucer computes an element's style from its parent's and its cascaded style, and each computed style keeps
 * its children's by the cascaded style's content ({@code deriveStyle}), so within a document elements of the same
 * styles share them. The chain starts at an empty style Flying Saucer creates anew for every document's root, so each
 * document computed all its styles again (and the values each resolves on first use): about a thirtieth of a
 * transcript's layout. Here each document's root style is derived from one kept empty style, so the whole chain is
 * shared with the documents before. A computed style depends only on its parent's, the cascaded declarations and the
 * output's constants (dots per point and pixel, the fonts of this thread's {@link LiberationFontResolver}); nothing of
 * the document goes into it, and what it resolves lazily is the same every time.
 *
 * <p>Flying Saucer has no hook for the root's style: it is put into the shared context's style map (a private field,
 * hence reflection; if a Flying Saucer version lacks it, this class fails to load and every rendering test fails).
 * Forgotten with the shapes of {@link MatchedStyles} (other stylesheets or its bound reached): every kept style stands
 * for a chain of cascaded styles, i.e. of shapes, so this bounds them too. One per {@link DocumentStyles}, i.e. per
 * thread.
 */
final class ComputedStyles {

    private static final Field STYLE_MAP = styleMap();

    private CalculatedStyle root = new EmptyStyle();
    private long shapesGeneration = -1;

    /**
     * Before the document is laid out (after Flying Saucer reset the context for it): its root element's style is
     * derived from the kept empty style, which every style of the document then descends from.
     */
    void startDocument(SharedContext context, Element rootElement, CascadedStyle rootStyle, long shapes) {
        if (shapes != shapesGeneration) {
            root = new EmptyStyle();
            shapesGeneration = shapes;
        }
        // as Flying Saucer's own map: the document's elements only, dropped with the context's reset
        Map<Element, CalculatedStyle> styles = new HashMap<>(1024, 0.75f);
        styles.put(rootElement, root.deriveStyle(rootStyle));
        try {
            STYLE_MAP.set(context, styles);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field styleMap() {
        try {
            Field field = SharedContext.class.getDeclaredField("styleMap");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Flying Saucer's SharedContext has no styleMap field any more", e);
        }
    }
}
