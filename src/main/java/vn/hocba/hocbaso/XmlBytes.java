package vn.hocba.hocbaso;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * A record's bytes exactly as Saxon's identity serializer writes them ({@link XmlDocuments#bytes}: UTF-8, the
 * declaration without standalone, no indentation, namespace declarations only where a binding changes, sorted by
 * prefix, before the attributes, which keep the DOM's order; {@code &lt; &gt; &amp;} and CR as {@code &#xD;} in
 * text, also {@code &#34; &#xA; &#x9;} in attributes; an element without children as {@code <name/>}), written
 * directly. Stored fingerprints and stored records are SHA-256 of Saxon's bytes, so this writer only covers what
 * records hold (elements, attributes, text, prefixed namespaces) and declines the rest (empty result), which the
 * caller then writes with Saxon: comments, processing instructions, entity references, a default namespace, the
 * {@code xml:} prefix, characters Saxon writes as character references (C0 controls but tab, CR and LF, 0x7F–0x9F,
 * U+2028) and surrogates. {@code XmlBytesTest} compares both writers byte for byte.
 */
final class XmlBytes {

    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    private static final String XMLNS = "xmlns";

    /** Thrown inside the writer when the document holds something it leaves to Saxon. */
    private static final class Declined extends RuntimeException {
        Declined() {
            super(null, null, false, false);
        }
    }

    private final StringBuilder out;

    private XmlBytes(int capacity) {
        this.out = new StringBuilder(capacity);
    }

    /** The document's bytes as Saxon writes them, or empty when it holds what only Saxon writes. */
    static Optional<byte[]> of(Document doc) {
        XmlBytes writer = new XmlBytes(16 * 1024);
        try {
            writer.out.append(DECLARATION);
            for (Node n = doc.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeType() != Node.ELEMENT_NODE) {
                    throw new Declined();
                }
                writer.element((Element) n, Map.of());
            }
        } catch (Declined e) {
            return Optional.empty();
        }
        return Optional.of(writer.out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void element(Element e, Map<String, String> inScope) {
        Map<String, String> bindings = bindings(e);
        TreeMap<String, String> declared = new TreeMap<>();
        bindings.forEach((prefix, uri) -> {
            if (!uri.equals(inScope.get(prefix))) {
                declared.put(prefix, uri);
            }
        });
        Map<String, String> scope = inScope;
        if (!declared.isEmpty()) {
            scope = new HashMap<>(inScope);
            scope.putAll(declared);
        }
        String name = e.getTagName();
        out.append('<').append(name);
        declared.forEach((prefix, uri) -> attribute(XMLNS + ":" + prefix, uri));
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            if (!isNamespaceDeclaration(a.getName())) {
                attribute(a.getName(), a.getValue());
            }
        }
        Node child = e.getFirstChild();
        if (child == null) {
            out.append("/>");
            return;
        }
        out.append('>');
        for (; child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.ELEMENT_NODE -> element((Element) child, scope);
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> escaped(child.getNodeValue(), false);
                default -> throw new Declined();
            }
        }
        out.append("</").append(name).append('>');
    }

    /**
     * The prefixes the element binds (as Saxon gathers them: its own name's, its {@code xmlns:} attributes', its
     * prefixed attributes'); declines a default namespace, the {@code xml:} prefix and contradicting bindings.
     */
    private static Map<String, String> bindings(Element e) {
        Map<String, String> bindings = new HashMap<>(2);
        bind(bindings, e.getPrefix(), e.getNamespaceURI());
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            String name = a.getName();
            if (name.equals(XMLNS)) {
                throw new Declined();
            } else if (name.startsWith(XMLNS + ":")) {
                bind(bindings, name.substring(XMLNS.length() + 1), a.getValue());
            } else if (name.indexOf(':') >= 0) {
                bind(bindings, a.getPrefix(), a.getNamespaceURI());
            }
        }
        return bindings;
    }

    private static void bind(Map<String, String> bindings, String prefix, String uri) {
        boolean noPrefix = prefix == null || prefix.isEmpty();
        boolean noNamespace = uri == null || uri.isEmpty();
        if (noPrefix && noNamespace) {
            return;
        }
        if (noPrefix || noNamespace || prefix.equals("xml") || prefix.equals(XMLNS)) {
            throw new Declined();
        }
        String before = bindings.putIfAbsent(prefix, uri);
        if (before != null && !before.equals(uri)) {
            throw new Declined();
        }
    }

    private static boolean isNamespaceDeclaration(String name) {
        return name.equals(XMLNS) || name.startsWith(XMLNS + ":");
    }

    private void attribute(String name, String value) {
        out.append(' ').append(name).append("=\"");
        escaped(value, true);
        out.append('"');
    }

    private void escaped(String text, boolean inAttribute) {
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            String escape = escape(text.charAt(i), inAttribute);
            if (escape != null) {
                out.append(text, start, i).append(escape);
                start = i + 1;
            }
        }
        out.append(text, start, text.length());
    }

    /** What Saxon writes for {@code c}, null when the character itself; declines what Saxon writes as a reference. */
    private static String escape(char c, boolean inAttribute) {
        if (c >= 0x20 && c < 0x7F) {
            return switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> inAttribute ? "&#34;" : null;
                default -> null;
            };
        }
        return switch (c) {
            case '\r' -> "&#xD;";
            case '\n' -> inAttribute ? "&#xA;" : null;
            case '\t' -> inAttribute ? "&#x9;" : null;
            default -> {
                if (c < 0xA0 || c == 0x2028 || Character.isSurrogate(c)) {
                    throw new Declined();
                }
                yield null;
            }
        };
    }
}
