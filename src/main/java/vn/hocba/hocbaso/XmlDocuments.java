package vn.hocba.hocbaso;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** Reading and writing records: namespace-aware DOM, no DTDs or external entities, Ids marked as ids. */
public final class XmlDocuments {

    /** Configured once (looking the implementation up is slow); only read afterwards. */
    private static final DocumentBuilderFactory FACTORY = factory(true);
    /**
     * For {@link #parse}: Xerces' DOM built directly, not deferred. Marking every {@code Id} reads every node, which
     * a deferred DOM builds a second time from its tables. In the homeroom, principal and seal steps of a whole school
     * (which pass more records than {@link RecentRecordDocuments} keeps, so each step parses each stored record) the
     * parse was ≈ 1 ms of CPU and ≈ 555 KB of garbage a record (≈ 150 KB) deferred, ≈ 0.6–0.9 ms and ≈ 375 KB built
     * directly, and the steps' digests of the record's regions were faster on it (bench/README.md, seal27).
     */
    private static final DocumentBuilderFactory BUILT_DIRECTLY = factory(false);
    private static final String DEFER_NODE_EXPANSION = "http://apache.org/xml/features/dom/defer-node-expansion";
    private static final TransformerFactory TRANSFORMERS = TransformerFactory.newInstance();

    private XmlDocuments() {
    }

    static Document newDocument() {
        try {
            return FACTORY.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a record (or manifest) and marks every {@code Id} attribute as an XML id. */
    public static Document parse(byte[] xml) {
        Document doc = parse(BUILT_DIRECTLY, xml);
        markIds(doc);
        return doc;
    }

    /**
     * Parses a record only to be read (its slots, its values), as {@link #parse} but without marking the ids: nothing
     * is dereferenced or signed in it (the walk marking them was 5 % of building a class package).
     */
    static Document parseUnmarked(byte[] xml) {
        return parse(FACTORY, xml);
    }

    private static Document parse(DocumentBuilderFactory factory, byte[] xml) {
        try {
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("Tệp không phải XML hợp lệ: " + e.getMessage(), e);
        }
    }

    /**
     * A deep copy with its ids marked, as {@code parse(bytes(doc))} would give, without writing and reading the
     * record again (that round trip was most of the cost of preparing a class's records for a signer).
     */
    static Document copy(Document doc) {
        Document copy = (Document) doc.cloneNode(true);
        markIds(copy);
        return copy;
    }

    /**
     * UTF-8 bytes, without re-indenting (a signed record's bytes are never reformatted): Saxon's identity
     * serializer's bytes, written directly where the document holds only what records hold ({@link XmlBytes}).
     */
    public static byte[] bytes(Document doc) {
        return XmlBytes.of(doc).orElseGet(() -> bytesBySaxon(doc));
    }

    /** The bytes as the identity transformer (Saxon, on the class path) writes them. */
    static byte[] bytesBySaxon(Document doc) {
        try {
            var transformer = TRANSFORMERS.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(Document doc) {
        return new String(bytes(doc), StandardCharsets.UTF_8);
    }

    static void markIds(Document doc) {
        markIds(doc, null);
    }

    /**
     * Marks every {@code Id} attribute as an XML id and returns the first element whose {@code Id} is {@code id}
     * (null when none, or {@code id} is null): {@link #markIds} and {@link #byId} in one walk of the record.
     */
    static Element markIds(Document doc, String id) {
        Element found = null;
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            Attr attribute = e.getAttributeNode(HocBaSoProfile.ID);
            if (attribute != null) {
                e.setIdAttributeNode(attribute, true);
            }
            if (found == null && id != null && id.equals(attribute == null ? "" : attribute.getValue())) {
                found = e;
            }
        }
        return found;
    }

    /** The element whose {@code Id} is {@code id}, or null. */
    static Element byId(Document doc, String id) {
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (id.equals(e.getAttribute(HocBaSoProfile.ID))) {
                return e;
            }
        }
        return null;
    }

    static Element child(Element parent, String name) {
        Element e = parent.getOwnerDocument().createElementNS(null, name);
        parent.appendChild(e);
        return e;
    }

    static Element leaf(Element parent, String name, String value) {
        Element e = child(parent, name);
        e.setTextContent(value == null ? "" : value);
        return e;
    }

    static void optionalLeaf(Element parent, String name, String value) {
        if (value != null && !value.isBlank()) {
            leaf(parent, name, value);
        }
    }

    /** {@code deferred}: Xerces builds a node when it is first read (what is never read costs little). */
    private static DocumentBuilderFactory factory(boolean deferred) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            f.setFeature(DEFER_NODE_EXPANSION, deferred);
            return f;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
