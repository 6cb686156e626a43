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
import org.w3c.dom.NodeList;
import vn.hocba.documents.TranscriptData;
import vn.hocba.documents.sample.SampleDocuments;
import vn.hocba.pades.devpki.DevelopmentPki;

/**
 * A XAdES signature time-stamp covers the exclusive C14N of the signature's {@code ds:SignatureValue}: written
 * directly for the usual shape, it must be the JDK canonicalizer's bytes exactly, for every signature of every
 * record (else no verifier would accept the time-stamp), and anything else must still go to the JDK.
 */
class SignatureValueCanonicalTest {

    @TempDir
    static Path dir;

    @Test
    void everySignatureValueOfSignedRecordsIsCanonicalizedAsTheJdkDoes() {
        DevelopmentPki pki = DevelopmentPki.createFresh(dir.resolve("pki"));
        List<Element> values = new ArrayList<>();
        for (TranscriptData transcript : SampleDocuments.create().transcripts().subList(0, 2)) {
            Document record = SampleRecords.unsigned(transcript);
            RecordSigner signer = new RecordSigner(null, Clock.systemUTC(), pki.timeStampAuthority());
            for (SlotRole role : SlotRole.values()) {
                for (SignatureSlot slot : RecordSlots.of(record).all()) {
                    if (slot.role() == role) {
                        signer.sign(record, role, role == SlotRole.SUBJECT_TEACHER ? slot.id() : null,
                                role == SlotRole.PRINCIPAL ? pki.issueEcdsa(slot.signerName(), "HT", null)
                                        : pki.issue(slot.signerName(), role.title(), null));
                    }
                }
            }
            values.addAll(signatureValues(record));
            values.addAll(signatureValues(XmlDocuments.parse(XmlDocuments.bytes(record))));
        }
        assertThat(values).hasSizeGreaterThan(30);
        for (Element value : values) {
            assertThat(SignatureValueCanonical.direct(value)).as("written directly").isPresent();
            assertThat(text(SignatureValueCanonical.direct(value).orElseThrow()))
                    .isEqualTo(text(SignatureTimeStamps.canonical(value)));
        }
    }

    @Test
    void escapesAndAnotherPrefixAreTheJdks() {
        for (String[] idAndText : new String[][] {
                {"sig-a&b<c>d\"e'f\tg\nh\ri j", "AB&C<D>E\"F'G\r\nH\tI J\r\n"},
                {"sig-x-value", "MIIB\r\nabc=="},
                {"", "x"},
                {"s", " "}}) {
            for (String prefix : List.of("ds", "dsig", "x_1.y-z")) {
                Element value = value(prefix, idAndText[0], idAndText[1]);
                assertThat(SignatureValueCanonical.direct(value)).as(prefix + " " + idAndText[0]).isPresent();
                assertThat(text(SignatureValueCanonical.direct(value).orElseThrow()))
                        .isEqualTo(text(SignatureTimeStamps.canonical(value)));
            }
        }
        Element withoutId = value("ds", "x", "AAAA");
        withoutId.removeAttributeNS(null, HocBaSoProfile.ID);
        assertThat(text(SignatureValueCanonical.direct(withoutId).orElseThrow()))
                .isEqualTo(text(SignatureTimeStamps.canonical(withoutId)));
    }

    @Test
    void otherShapesAreLeftToTheJdk() {
        List<Element> others = new ArrayList<>();
        others.add(value("ds", "sig-ở", "AAAA"));
        others.add(value("ds", "sig", "Hà Nội"));
        Element twoTexts = value("ds", "sig", "AAAA");
        twoTexts.appendChild(twoTexts.getOwnerDocument().createTextNode("BBBB"));
        others.add(twoTexts);
        Element cdata = value("ds", "sig", "");
        cdata.removeChild(cdata.getFirstChild());
        cdata.appendChild(cdata.getOwnerDocument().createCDATASection("AA<AA"));
        others.add(cdata);
        Element empty = value("ds", "sig", "x");
        empty.removeChild(empty.getFirstChild());
        others.add(empty);
        Element moreAttributes = value("ds", "sig", "AAAA");
        moreAttributes.setAttributeNS(null, "Other", "1");
        others.add(moreAttributes);
        Element declared = value("ds", "sig", "AAAA");
        declared.setAttributeNS(javax.xml.XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:ds", RecordSlots.DSIG);
        others.add(declared);
        Element defaultNamespace = XmlDocuments.newDocument().createElementNS(RecordSlots.DSIG, "SignatureValue");
        defaultNamespace.getOwnerDocument().appendChild(defaultNamespace);
        defaultNamespace.appendChild(defaultNamespace.getOwnerDocument().createTextNode("AAAA"));
        others.add(defaultNamespace);
        for (Element other : others) {
            assertThat(SignatureValueCanonical.direct(other)).isEmpty();
            assertThat(text(SignatureValueCanonical.of(other))).isEqualTo(text(SignatureTimeStamps.canonical(other)));
        }
    }

    private static Element value(String prefix, String id, String text) {
        Document doc = XmlDocuments.newDocument();
        Element signature = doc.createElementNS(RecordSlots.DSIG, prefix + ":Signature");
        doc.appendChild(signature);
        Element value = doc.createElementNS(RecordSlots.DSIG, prefix + ":SignatureValue");
        signature.appendChild(value);
        value.setAttributeNS(null, HocBaSoProfile.ID, id);
        value.appendChild(doc.createTextNode(text));
        return value;
    }

    private static List<Element> signatureValues(Document record) {
        NodeList all = record.getElementsByTagNameNS(RecordSlots.DSIG, "SignatureValue");
        List<Element> values = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            values.add((Element) all.item(i));
        }
        return values;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
