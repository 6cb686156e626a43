package vn.hocba.hocbaso;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.hocba.documents.TranscriptData;
import vn.hocba.documents.sample.SampleDocuments;
import vn.hocba.pades.devpki.DevelopmentPki;

/**
 * Records are written without Saxon where they can be (issue 19), and every stored record and fingerprint is
 * SHA-256 of Saxon's bytes: so the direct writer must give Saxon's bytes exactly, for every record at every
 * stage of its signing, and leave to Saxon what it does not cover.
 */
class XmlBytesTest {

    @TempDir
    static Path dir;

    @Test
    void everyRecordAtEveryStageOfItsSigningIsWrittenAsSaxonWritesIt() {
        DevelopmentPki pki = DevelopmentPki.createFresh(dir.resolve("pki"));
        List<Document> records = new ArrayList<>();
        List<TranscriptData> transcripts = SampleDocuments.create().transcripts();
        transcripts.forEach(t -> records.add(SampleRecords.unsigned(t)));
        for (SignatureForm form : SignatureForm.values()) {
            Document record = SampleRecords.unsigned(transcripts.get(0));
            RecordSigner signer = new RecordSigner(null, Clock.systemUTC(),
                    form == SignatureForm.XADES_T ? pki.timeStampAuthority() : null);
            for (SlotRole role : SlotRole.values()) {
                for (SignatureSlot slot : RecordSlots.of(record).all()) {
                    if (slot.role() == role) {
                        signer.sign(record, role, role == SlotRole.SUBJECT_TEACHER ? slot.id() : null,
                                role == SlotRole.ISSUER ? pki.organisation(slot.signerName())
                                        : role == SlotRole.PRINCIPAL ? pki.issueEcdsa(slot.signerName(), "HT", null)
                                        : pki.issue(slot.signerName(), role.title(), null));
                        records.add(XmlDocuments.copy(record));
                        records.add(XmlDocuments.parse(XmlDocuments.bytesBySaxon(record)));
                    }
                }
            }
        }
        assertThat(records).hasSizeGreaterThan(30);
        for (Document record : records) {
            assertThat(XmlBytes.of(record)).as("a record is written directly").isPresent();
            assertThat(text(XmlBytes.of(record).orElseThrow())).isEqualTo(text(XmlDocuments.bytesBySaxon(record)));
            assertThat(XmlBytes.of(record).orElseThrow()).isEqualTo(XmlDocuments.bytesBySaxon(record));
        }
    }

    @Test
    void escapesEmptyElementsAndNamespaceDeclarationsAreSaxons() {
        Document doc = XmlDocuments.newDocument();
        Element root = doc.createElementNS(null, "HOC_BA");
        doc.appendChild(root);
        root.setAttributeNS(null, "Id", "a\"b'c<d>e&f\tg\nh\ri j");
        root.setAttributeNS(null, "B", "ở Hà Nội ✓");
        XmlDocuments.leaf(root, "NHAN_XET", "Em <chăm> & \"ngoan\" 'lắm'\r\nTốt\tlắm > nữa ]]>");
        XmlDocuments.leaf(root, "RONG", "");
        XmlDocuments.child(root, "TRONG").appendChild(doc.createTextNode(""));
        Element b = doc.createElementNS("urn:b", "b:X");
        root.appendChild(b);
        b.setAttributeNS(javax.xml.XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:a", "urn:a");
        b.setAttributeNS("urn:c", "c:attr", "1");
        Element again = doc.createElementNS("urn:b", "b:Y");
        again.setAttributeNS(javax.xml.XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:b", "urn:b");
        b.appendChild(again);
        Element rebound = doc.createElementNS("urn:other", "b:Z");
        again.appendChild(rebound);
        rebound.appendChild(doc.createElementNS(null, "PLAIN"));
        root.appendChild(doc.createCDATASection("x < y"));

        assertThat(XmlBytes.of(doc)).isPresent();
        assertThat(text(XmlBytes.of(doc).orElseThrow())).isEqualTo(text(XmlDocuments.bytesBySaxon(doc)));
        assertThat(XmlBytes.of(doc).orElseThrow()).isEqualTo(XmlDocuments.bytesBySaxon(doc));
    }

    @Test
    void longTextsAndRunsOfEscapesAreSaxons() {
        Document doc = XmlDocuments.newDocument();
        Element root = doc.createElementNS(null, "HOC_BA");
        doc.appendChild(root);
        root.setAttributeNS(null, "Id", "\"\r\n\t<>&".repeat(5_000));
        XmlDocuments.leaf(root, "ESCAPES", "<>&\r".repeat(20_000));
        XmlDocuments.leaf(root, "LONG", "Nguyễn Thị Ánh ~ é ✓ ".repeat(10_000));
        XmlDocuments.leaf(root, "ASCII", "MIIB".repeat(50_000));

        assertThat(XmlBytes.of(doc).orElseThrow()).isEqualTo(XmlDocuments.bytesBySaxon(doc));
    }

    @Test
    void whatOnlySaxonWritesIsLeftToSaxon() {
        List<Document> declined = new ArrayList<>();
        declined.add(withText("a comment follows"));
        declined.get(0).getDocumentElement().appendChild(declined.get(0).createComment("ghi chú"));
        declined.add(withText("emoji \uD83D\uDE00 outside the BMP"));
        declined.add(withText("C1 control \u0085 and line separator \u2028"));
        Document defaultNamespace = XmlDocuments.newDocument();
        defaultNamespace.appendChild(defaultNamespace.createElementNS("urn:default", "ROOT"));
        declined.add(defaultNamespace);
        Document xmlLang = withText("x");
        xmlLang.getDocumentElement().setAttributeNS(javax.xml.XMLConstants.XML_NS_URI, "xml:lang", "vi");
        declined.add(xmlLang);
        for (Document doc : declined) {
            assertThat(XmlBytes.of(doc)).isEmpty();
            assertThat(XmlDocuments.bytes(doc)).isEqualTo(XmlDocuments.bytesBySaxon(doc));
        }
    }

    private static Document withText(String text) {
        Document doc = XmlDocuments.newDocument();
        Element root = doc.createElementNS(null, "ROOT");
        doc.appendChild(root);
        XmlDocuments.leaf(root, "TEXT", text);
        return doc;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
