package vn.hocba.hocbaso;

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
    static final class Declined extends RuntimeException {
        Declined() {
            super(null, null, false, false);
        }
    }

    private final XmlOutput out;

    private XmlBytes(int capacity) {
        this.out = new XmlOutput(capacity);
    }

    /**
     * The size of the document's bytes when it was last written, kept with the document as a hint for the next
     * write's buffer (a record is written again after each signature, a few KB longer): only a capacity.
     */
    private static final String LAST_SIZE = "vn.hocba.hocbaso.XmlBytes.size";

    /** The document's bytes as Saxon writes them, or empty when it holds what only Saxon writes. */
    static Optional<byte[]> of(Document doc) {
        XmlBytes writer = new XmlBytes(doc.getUserData(LAST_SIZE) instanceof Integer last ? last + last / 4 + 16 * 1024
                : 64 * 1024);
        try {
            writer.out.raw(DECLARATION);
            for (Node n = doc.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeType() != Node.ELEMENT_NODE) {
                    throw new Declined();
                }
                writer.element((Element) n, Map.of());
            }
        } catch (Declined e) {
            return Optional.empty();
        }
        byte[] bytes = writer.out.toByteArray();
        doc.setUserData(LAST_SIZE, bytes.length, null);
        return Optional.of(bytes);
    }

    private void element(Element e, Map<String, String> inScope) {
        Map<String, String> scope = inScope;
        TreeMap<String, String> declared = null;
        if (!bindsNothingNew(e, inScope)) {
            declared = new TreeMap<>();
            for (Map.Entry<String, String> binding : bindings(e).entrySet()) {
                if (!binding.getValue().equals(inScope.get(binding.getKey()))) {
                    declared.put(binding.getKey(), binding.getValue());
                }
            }
            if (!declared.isEmpty()) {
                scope = new HashMap<>(inScope);
                scope.putAll(declared);
            }
        }
        String name = e.getTagName();
        out.put('<');
        out.raw(name);
        if (declared != null) {
            declared.forEach((prefix, uri) -> attribute(XMLNS + ":" + prefix, uri));
        }
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            if (!isNamespaceDeclaration(a.getName())) {
                attribute(a.getName(), a.getValue());
            }
        }
        Node child = e.getFirstChild();
        if (child == null) {
            out.put('/');
            out.put('>');
            return;
        }
        out.put('>');
        for (; child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.ELEMENT_NODE -> element((Element) child, scope);
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> out.escaped(child.getNodeValue(), false);
                default -> throw new Declined();
            }
        }
        out.put('<');
        out.put('/');
        out.raw(name);
        out.put('>');
    }

    /**
     * Whether {@link #bindings} would bind nothing that is not already in scope, found without building the maps
     * (most elements of a record): no namespace declarations or prefixed attributes, and the element's own name in
     * no namespace or in the one its prefix is bound to already.
     */
    private static boolean bindsNothingNew(Element e, Map<String, String> inScope) {
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            String name = attributes.item(i).getNodeName();
            if (name.indexOf(':') >= 0 || name.equals(XMLNS)) {
                return false;
            }
        }
        String prefix = e.getPrefix();
        String uri = e.getNamespaceURI();
        boolean noPrefix = prefix == null || prefix.isEmpty();
        boolean noNamespace = uri == null || uri.isEmpty();
        if (noPrefix && noNamespace) {
            return true;
        }
        return !noPrefix && !noNamespace && !prefix.equals("xml") && !prefix.equals(XMLNS)
                && uri.equals(inScope.get(prefix));
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
        out.put(' ');
        out.raw(name);
        out.put('=');
        out.put('"');
        out.escaped(value, true);
        out.put('"');
    }
}
