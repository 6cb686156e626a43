package vn.hocba.hocbaso;

import java.util.Arrays;
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

    /**
     * {@code before}, the bytes this writer gave for a record, with {@code signature} put into {@code slot} since, as
     * this writer would write the whole record now (empty: cannot tell, the caller writes the whole record). For a
     * signing step, whose only change to the record is the new signature in its empty slot: the slot's empty element
     * is found in {@code before} (exactly once) and replaced by the slot with the signature, so that the record's
     * other 100–200 KB are copied instead of written again (writing them was a fifth of a subject teacher's sheet
     * request). {@code SlotValuesTest} checks every slot of a record against the whole record written anew.
     */
    static Optional<byte[]> withSignature(byte[] before, Element slot, Element signature) {
        if (slot.getFirstChild() != signature || signature.getNextSibling() != null) {
            return Optional.empty();
        }
        try {
            Map<String, String> scope = scopeOf((Element) slot.getParentNode());
            XmlBytes empty = new XmlBytes(256);
            empty.startTag(slot, scope);
            empty.out.put('/');
            empty.out.put('>');
            byte[] emptySlot = empty.out.toByteArray();
            int at = indexOf(before, emptySlot, 0);
            if (at < 0 || indexOf(before, emptySlot, at + 1) >= 0) {
                return Optional.empty();
            }
            XmlBytes signed = new XmlBytes(before.length + 32 * 1024);
            signed.out.raw(before, 0, at);
            signed.element(slot, scope);
            signed.out.raw(before, at + emptySlot.length, before.length - at - emptySlot.length);
            return Optional.of(signed.out.toByteArray());
        } catch (Declined e) {
            return Optional.empty();
        }
    }

    /** The namespace bindings in scope inside {@code e} as this writer declares them on the way down to it. */
    private static Map<String, String> scopeOf(Element e) {
        Map<String, String> outer = e.getParentNode() instanceof Element parent ? scopeOf(parent) : Map.of();
        Map<String, String> declared = declared(e, outer);
        if (declared == null || declared.isEmpty()) {
            return outer;
        }
        Map<String, String> scope = new HashMap<>(outer);
        scope.putAll(declared);
        return scope;
    }

    /**
     * Where {@code what} first occurs in {@code in} from {@code from}, or -1. Horspool's search: compared from its last
     * byte, a window that cannot match moves on by up to the pattern's length; the record is searched twice per
     * signature and a byte-by-byte scan of its 100–200 KB was ≈ 5 % of a subject teacher's sheet request.
     */
    private static int indexOf(byte[] in, byte[] what, int from) {
        int n = what.length;
        int[] shift = new int[256];
        Arrays.fill(shift, n);
        for (int i = 0; i < n - 1; i++) {
            shift[what[i] & 0xff] = n - 1 - i;
        }
        byte lastByte = what[n - 1];
        for (int i = from, last = in.length - n; i <= last; i += shift[in[i + n - 1] & 0xff]) {
            if (in[i + n - 1] == lastByte && Arrays.equals(in, i, i + n - 1, what, 0, n - 1)) {
                return i;
            }
        }
        return -1;
    }

    private void element(Element e, Map<String, String> inScope) {
        Map<String, String> scope = startTag(e, inScope);
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
        out.raw(e.getTagName());
        out.put('>');
    }

    /** The bindings {@code e} declares beyond {@code inScope} (null or empty: none), by prefix in Saxon's order. */
    private static TreeMap<String, String> declared(Element e, Map<String, String> inScope) {
        if (bindsNothingNew(e, inScope)) {
            return null;
        }
        TreeMap<String, String> declared = new TreeMap<>();
        for (Map.Entry<String, String> binding : bindings(e).entrySet()) {
            if (!binding.getValue().equals(inScope.get(binding.getKey()))) {
                declared.put(binding.getKey(), binding.getValue());
            }
        }
        return declared;
    }

    /** {@code <name}, its namespace declarations and attributes, without the closing {@code >}; the scope inside. */
    private Map<String, String> startTag(Element e, Map<String, String> inScope) {
        Map<String, String> scope = inScope;
        TreeMap<String, String> declared = declared(e, inScope);
        if (declared != null && !declared.isEmpty()) {
            scope = new HashMap<>(inScope);
            scope.putAll(declared);
        }
        out.put('<');
        out.raw(e.getTagName());
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
        return scope;
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
