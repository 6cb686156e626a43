package vn.hocba.hocbaso;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vn.hocba.documents.sample.SampleDocuments;
import vn.hocba.pades.devpki.DevelopmentPki;

/**
 * A stored record parsed to be signed further is built directly (not as Xerces' deferred DOM: its every node is read
 * anyway, to mark the ids), with every {@code Id} marked, and is the same record: written again it is the stored
 * bytes, and every slot of it verifies. A record parsed only to be read stays deferred.
 */
class XmlDocumentsTest {

    @TempDir
    static Path dir;

    @Test
    void aStoredRecordParsedToBeSignedIsBuiltDirectlyWithItsIdsMarkedAndIsTheSameRecord() {
        DevelopmentPki pki = DevelopmentPki.createFresh(dir.resolve("pki"));
        byte[] stored = XmlDocuments.bytes(SampleRecords.signInOrder(
                SampleRecords.unsigned(SampleDocuments.create().transcript(0)), pki));

        Document record = XmlDocuments.parse(stored);
        assertThat(record.getClass().getSimpleName()).as("built directly").doesNotContain("Deferred");
        NodeList all = record.getElementsByTagName("*");
        int ids = 0;
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.hasAttribute(HocBaSoProfile.ID)) {
                assertThat(record.getElementById(e.getAttribute(HocBaSoProfile.ID))).isSameAs(e);
                ids++;
            }
        }
        assertThat(ids).isGreaterThan(20);
        assertThat(XmlDocuments.bytes(record)).isEqualTo(stored);
        assertThat(XmlDocuments.bytesBySaxon(record)).isEqualTo(stored);
        List<SlotFinding> findings = new RecordVerifier(pki.trustAnchors()).verify(record);
        assertThat(findings).hasSizeGreaterThan(5)
                .allSatisfy(f -> assertThat(f.signed() && f.valid() && f.trusted()).as(f.line()).isTrue());

        assertThat(XmlDocuments.parseUnmarked(stored).getClass().getSimpleName()).as("only read: deferred")
                .contains("Deferred");
    }
}
