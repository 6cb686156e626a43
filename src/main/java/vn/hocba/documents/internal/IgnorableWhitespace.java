package vn.hocba.documents.internal;

import java.util.Set;
import org.w3c.dom.Node;

/**
 * Takes out of a filled template the text nodes that only indent its markup (a newline and spaces between a
 * {@code <tr>} and its {@code <td>}, between two {@code <div>}s), which CSS collapses away anyway: white space
 * alone between two block-level boxes, or at the start or end of a block container next to a block-level box,
 * generates no box (CSS 2.1 § 9.2.2.1, {@code white-space: normal}; no document uses another value). Flying Saucer
 * would run its white-space regular expressions over each of them and wrap most in anonymous boxes first, for about
 * half of a transcript's text nodes. Inline content is never touched: white space next to a {@code <span>} or an
 * {@code <img>}, or a node that is an element's only child, stays.
 */
final class IgnorableWhitespace {

    /** Elements laid out as blocks, table parts or not at all by the documents' stylesheets. */
    private static final Set<String> BLOCK_LEVEL = Set.of("html", "head", "title", "style", "body", "div", "p", "h1",
            "h2", "h3", "h4", "table", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "td", "th");

    private IgnorableWhitespace() {
    }

    static void remove(Node parent) {
        Node child = parent.getFirstChild();
        while (child != null) {
            Node next = child.getNextSibling();
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                remove(child);
            } else if (ignorable(child)) {
                parent.removeChild(child);
            }
            child = next;
        }
    }

    private static boolean ignorable(Node node) {
        if (node.getNodeType() != Node.TEXT_NODE || !blank(node.getNodeValue())) {
            return false;
        }
        Node before = neighbour(node.getPreviousSibling(), true);
        Node after = neighbour(node.getNextSibling(), false);
        if (before == null && after == null) {
            return false; // an element's only content
        }
        return (before == null || blockLevel(before)) && (after == null || blockLevel(after));
    }

    /** The nearest sibling that is neither a comment (comments make no boxes) nor white space itself. */
    private static Node neighbour(Node start, boolean backwards) {
        Node n = start;
        while (n != null && (n.getNodeType() == Node.COMMENT_NODE
                || n.getNodeType() == Node.TEXT_NODE && blank(n.getNodeValue()))) {
            n = backwards ? n.getPreviousSibling() : n.getNextSibling();
        }
        return n;
    }

    private static boolean blockLevel(Node node) {
        if (node.getNodeType() != Node.ELEMENT_NODE) {
            return false;
        }
        String name = node.getLocalName() == null ? node.getNodeName() : node.getLocalName();
        return BLOCK_LEVEL.contains(name);
    }

    private static boolean blank(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }
}
