package vn.hocba.documents.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xhtmlrenderer.css.newmatch.CascadedStyle;
import org.xhtmlrenderer.css.sheet.Stylesheet;

/**
 * The cascaded styles Flying Saucer's selector matching gave each element <em>shape</em>, kept across documents.
 * What a selector can test of an element is its name, its attributes (class, id, {@code style}, {@code colspan}, ...),
 * its position among its element siblings and the previous one ({@code :first-child}, {@code :last-child},
 * {@code :nth-child}, {@code +}) and the same of its ancestors; never its text. A shape is exactly that: name,
 * attributes, the previous sibling's shape, how many element siblings follow, and the parent's shape. Two elements of
 * the same shape match the same selectors, so they get the same (immutable) {@link CascadedStyle}; the TT22 forms
 * repeat their shapes in every document of a run, which then skips matching the ≈ 350 selectors of the stylesheets
 * for nearly every element. Kept only while the stylesheets are the same objects ({@link DocumentStyles} parses each
 * once), and bounded: a shape that carries a document's own value (the QR code's address) is new in each document.
 * One per {@link DocumentStyles}, i.e. per thread.
 *
 * <p>When no selector reads an element's index ({@link SiblingSelectors}, our templates' case), a shape holds of the
 * siblings before it only what the sibling combinators can test, and whether one follows: else each table row (and
 * each cell in it) is a shape of its own, and the class gradebook's 20,000+ elements were all new shapes, wiping the
 * memo mid-document (issue 19).
 */
final class MatchedStyles {

    /** Beyond this many shapes all are forgotten (a transcript has ≈ 700 elements, most shapes shared). */
    private static final int MAX_SHAPES = 20_000;
    private static final Object NO_STYLE = new Object();

    /**
     * {@code attributes} holds namespace, name and value of each attribute in the parser's order: the same set in
     * another order would only be another shape (matched once more), never a wrong style. The parser gives names and
     * namespaces as shared strings, so only the values are hashed and compared character by character.
     */
    private record ElementShape(long parent, Object before, int following, String namespace, String name,
            List<String> attributes) {
    }

    private static final class Known {
        final long id;
        CascadedStyle style;
        Map<String, Object> pseudoElements;

        Known(long id) {
            this.id = id;
        }
    }

    private final Map<ElementShape, Known> shapes = new HashMap<>();
    private final Map<Node, Known> document = new IdentityHashMap<>();
    private List<Stylesheet> sheets = List.of();
    /** What {@link SiblingSelectors#depth} says of {@link #sheets}. */
    private int siblingDepth = -1;
    /** Never reused, so that an element known before shapes were forgotten cannot collide with a later shape. */
    private long nextId = 1;
    /** How many times the shapes were forgotten. */
    private long generation;

    /** A new document styled with {@code sheets}: what was matched with other stylesheets is forgotten. */
    void startDocument(List<Stylesheet> documentSheets) {
        document.clear();
        if (!sameObjects(documentSheets, sheets)) {
            forgetShapes();
            sheets = new ArrayList<>(documentSheets);
            siblingDepth = SiblingSelectors.depth(sheets);
        }
    }

    /** Changes whenever the shapes known are forgotten (other stylesheets, or too many shapes). */
    long generation() {
        return generation;
    }

    private void forgetShapes() {
        shapes.clear();
        generation++;
    }

    /** Lets go of the last document's elements (what was matched per shape stays). */
    void endDocument() {
        document.clear();
    }

    CascadedStyle style(Element e, Function<Element, CascadedStyle> match) {
        Known known = known(e);
        if (known.style == null) {
            known.style = match.apply(e);
        }
        return known.style;
    }

    /** As Flying Saucer answers it, {@code null} when no selector gives the pseudo-element a style. */
    CascadedStyle pseudoElementStyle(Element e, String pseudoElement,
            BiFunction<Element, String, CascadedStyle> match) {
        Known known = known(e);
        if (known.pseudoElements == null) {
            known.pseudoElements = new HashMap<>(4);
        }
        Object style = known.pseudoElements.get(pseudoElement);
        if (style == null) {
            CascadedStyle matched = match.apply(e, pseudoElement);
            style = matched == null ? NO_STYLE : matched;
            known.pseudoElements.put(pseudoElement, style);
        }
        return style == NO_STYLE ? null : (CascadedStyle) style;
    }

    private Known known(Element e) {
        Known known = document.get(e);
        if (known != null) {
            return known;
        }
        Node parent = e.getParentNode();
        long parentId = parent instanceof Element p ? known(p).id : 0;
        Element previous = previousElement(e);
        Object before = siblingDepth >= 0 ? SiblingSelectors.before(previous, siblingDepth)
                : previous == null ? 0L : known(previous).id;
        int following = siblingDepth >= 0 ? Math.min(1, followingElements(e)) : followingElements(e);
        String local = e.getLocalName();
        ElementShape shape = new ElementShape(parentId, before, following, e.getNamespaceURI(),
                local == null ? e.getNodeName() : local, attributes(e));
        known = shapes.get(shape);
        if (known == null) {
            if (shapes.size() >= MAX_SHAPES) {
                forgetShapes();
            }
            known = new Known(nextId++);
            shapes.put(shape, known);
        }
        document.put(e, known);
        return known;
    }

    static Element previousElement(Node e) {
        for (Node n = e.getPreviousSibling(); n != null; n = n.getPreviousSibling()) {
            if (n instanceof Element sibling) {
                return sibling;
            }
        }
        return null;
    }

    private static int followingElements(Node e) {
        int count = 0;
        for (Node n = e.getNextSibling(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                count++;
            }
        }
        return count;
    }

    /** Every attribute's namespace, name and value. */
    static List<String> attributes(Element e) {
        NamedNodeMap attributes = e.getAttributes();
        int count = attributes.getLength();
        if (count == 0) {
            return List.of();
        }
        String[] parts = new String[3 * count];
        for (int i = 0; i < count; i++) {
            Node a = attributes.item(i);
            parts[3 * i] = a.getNamespaceURI();
            parts[3 * i + 1] = a.getNodeName();
            parts[3 * i + 2] = a.getNodeValue();
        }
        return Arrays.asList(parts);
    }

    /** The same stylesheet objects in the same order (each is parsed once, so the same rules). */
    static boolean sameObjects(List<Stylesheet> a, List<Stylesheet> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }
}
