package vn.hocba.documents;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vn.hocba.grading.Level;
import vn.hocba.grading.Mark;
import vn.hocba.grading.StudentResults;
import vn.hocba.support.ApiClient.Reply;

/** Reading issued documents back: their embedded XML, the engine's results as printed, API replies. */
final class DocumentChecks {

    private DocumentChecks() {
    }

    static String summary(org.w3c.dom.Document xml) {
        List<String> parts = new ArrayList<>();
        NodeList subjects = xml.getElementsByTagNameNS(DocumentKind.TRANSCRIPT.namespace(), "subject");
        for (int i = 0; i < subjects.getLength(); i++) {
            Element s = (Element) subjects.item(i);
            if (s.hasAttribute("code")) {
                parts.add(s.getAttribute("code") + "=" + child(s, "hk1") + "|" + child(s, "hk2") + "|" + child(s, "year"));
            }
        }
        Element root = xml.getDocumentElement();
        parts.add("learning=" + child(element(root, "learning"), "year"));
        parts.add("conduct=" + child(element(root, "conduct"), "year"));
        parts.add("promotion=" + child(root, "promotion"));
        return String.join(";", parts);
    }

    static String expectedSummary(StudentResults s) {
        List<String> parts = new ArrayList<>();
        s.subjects().forEach((code, r) -> parts.add(code.value() + "=" + printed(r.hk1()) + "|" + printed(r.hk2()) + "|"
                + printed(r.year())));
        parts.add("learning=" + label(s.learning().year().level()));
        parts.add("conduct=" + label(s.conduct().year()));
        parts.add("promotion=" + s.promotion().label());
        return String.join(";", parts);
    }

    /** Results as the paper forms print them: one decimal with a comma, or Đ/CĐ. */
    static String printed(Mark mark) {
        if (mark instanceof Mark.Score score) {
            return score.value().setScale(1, java.math.RoundingMode.HALF_UP).toPlainString().replace('.', ',');
        }
        return mark.text();
    }

    static String label(Level level) {
        return level.label();
    }

    static Element element(Element parent, String name) {
        return (Element) parent.getElementsByTagNameNS(parent.getNamespaceURI(), name).item(0);
    }

    static String child(Element parent, String name) {
        return element(parent, name).getTextContent();
    }

    static org.w3c.dom.Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static List<JsonNode> documents(Reply reply, String kind) {
        List<JsonNode> found = new ArrayList<>();
        reply.body().path("documents").forEach(d -> {
            if (kind == null || d.path("kind").asText().equals(kind)) {
                found.add(d);
            }
        });
        return found;
    }

    static List<String> ids(Reply reply, String kind) {
        return documents(reply, kind).stream().map(d -> d.path("id").asText()).toList();
    }
}
