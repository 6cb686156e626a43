package vn.hocba.hocbaso;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The exclusive C14N (without comments) of a {@code ds:SignatureValue}, what a XAdES signature time-stamp covers,
 * for the shape every slot signature has: a prefixed XMLDSig element with at most an {@code Id} and one text node
 * of printable ASCII (Base64, CR, LF). Its canonical form is then fixed by the C14N rules (the namespace declared on
 * the apex, the attribute, the text with {@code &amp; &lt; &gt; &#xD;} escaped), so it is written directly instead of
 * building a document of its own, writing it and parsing it again for the JDK's canonicalizer (one time-stamp per
 * record and slot; a new {@code DocumentBuilder} each). Any other shape goes that way as before
 * ({@link SignatureTimeStamps#canonical}); {@code SignatureValueCanonicalTest} compares both.
 */
final class SignatureValueCanonical {

    private SignatureValueCanonical() {
    }

    /** The exclusive C14N of {@code signatureValue}: written directly when it has the usual shape, else by the JDK. */
    static byte[] of(Element signatureValue) {
        return direct(signatureValue).orElseGet(() -> SignatureTimeStamps.canonical(signatureValue));
    }

    /** The exclusive C14N written directly; empty when the element is not of the usual shape. */
    static Optional<byte[]> direct(Element value) {
        String prefix = value.getPrefix();
        if (!RecordSlots.DSIG.equals(value.getNamespaceURI()) || !"SignatureValue".equals(value.getLocalName())
                || prefix == null || !isName(prefix) || prefix.startsWith("xml")) {
            return Optional.empty();
        }
        Node text = value.getFirstChild();
        if (text == null || text.getNodeType() != Node.TEXT_NODE || text.getNextSibling() != null
                || !printable(text.getNodeValue())) {
            return Optional.empty();
        }
        NamedNodeMap attributes = value.getAttributes();
        String id = null;
        if (attributes.getLength() > 1) {
            return Optional.empty();
        }
        if (attributes.getLength() == 1) {
            Attr only = (Attr) attributes.item(0);
            if (only.getNamespaceURI() != null || !HocBaSoProfile.ID.equals(only.getName())
                    || !printable(only.getValue())) {
                return Optional.empty();
            }
            id = only.getValue();
        }
        StringBuilder out = new StringBuilder(text.getNodeValue().length() + 160);
        out.append('<').append(prefix).append(":SignatureValue xmlns:").append(prefix).append("=\"")
                .append(RecordSlots.DSIG).append('"');
        if (id != null) {
            out.append(' ').append(HocBaSoProfile.ID).append("=\"");
            attribute(id, out);
            out.append('"');
        }
        out.append('>');
        text(text.getNodeValue(), out);
        out.append("</").append(prefix).append(":SignatureValue>");
        return Optional.of(out.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** C14N's escapes in text: {@code & < >} and CR. */
    private static void text(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> out.append("&#xD;");
                default -> out.append(c);
            }
        }
    }

    /** C14N's escapes in an attribute value: {@code & < "}, TAB, LF and CR. */
    private static void attribute(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '"' -> out.append("&quot;");
                case '\t' -> out.append("&#x9;");
                case '\n' -> out.append("&#xA;");
                case '\r' -> out.append("&#xD;");
                default -> out.append(c);
            }
        }
    }

    /** Printable ASCII, TAB, LF and CR only (what is written as is in UTF-8 and means the same after parsing). */
    private static boolean printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 || c > 0x7e) && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /** An ASCII XML name without a colon. */
    private static boolean isName(String s) {
        if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_') || s.charAt(0) > 0x7e) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0x7e || !(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }
}
