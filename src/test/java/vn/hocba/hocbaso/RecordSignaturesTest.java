package vn.hocba.hocbaso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import org.w3c.dom.NodeList;
import vn.hocba.pades.TimeStampSource;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.TimestampType;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.reports.Reports;
import eu.europa.esig.dss.xades.validation.XMLDocumentValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.hocba.common.Rejected;
import vn.hocba.documents.TranscriptData;
import vn.hocba.documents.sample.SampleDocuments;
import vn.hocba.pades.devpki.DevelopmentPki;

/**
 * The record's signatures, slot by slot, checked by HocBa's verifier and by xmlsec1 with the development root:
 * XAdES-T (the default where a TSA is configured) and plain XMLDSig (the other setting).
 */
class RecordSignaturesTest {

    @TempDir
    static Path dir;
    static DevelopmentPki pki;
    static TranscriptData transcript = SampleDocuments.create().transcript(0);
    static byte[] signed;
    static Instant signingStarted;

    @BeforeAll
    static void signAll() {
        pki = DevelopmentPki.createFresh(dir.resolve("pki"));
        signingStarted = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        signed = XmlDocuments.bytes(SampleRecords.signed(transcript, pki));
    }

    private static Map<String, SlotFinding> findings(byte[] record) {
        return new RecordVerifier(pki.trustAnchors()).verify(XmlDocuments.parse(record)).stream()
                .collect(Collectors.toMap(SlotFinding::slotId, f -> f));
    }

    @Test
    void everySlotIsSignedValidAndTheSchemaAcceptsTheSignedRecord() {
        List<SlotFinding> findings = new RecordVerifier(pki.trustAnchors()).verify(XmlDocuments.parse(signed));
        assertThat(findings).extracting(SlotFinding::role).contains(SlotRole.values());
        assertThat(findings.stream().filter(f -> f.role() == SlotRole.SUBJECT_TEACHER)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(findings).allSatisfy(f -> assertThat(f.valid() && f.trusted()).as(f.line()).isTrue());
        assertThat(RecordSchema.problems(XmlDocuments.parse(signed))).isEmpty();
        SlotFinding toan = findings.stream().filter(f -> f.slotId().equals("gvbm-15-1")).findFirst().orElseThrow();
        assertThat(toan.covers()).isEqualTo("DIEM_TONG_KET#mon-15");
        assertThat(toan.signer()).isEqualTo(transcript.subjects().stream().filter(s -> s.code().equals("TOAN"))
                .findFirst().orElseThrow().teacherName());
    }

    @Test
    void everySlotIsXadesTWithItsSignedPropertiesAsSecondReferenceAndATimeStampAfterItsSigningTime() {
        Document record = XmlDocuments.parse(signed);
        List<SlotFinding> findings = new RecordVerifier(pki.trustAnchors()).verify(record);
        for (SignatureSlot slot : RecordSlots.of(record).all()) {
            Element signature = RecordSlots.signature(slot.element()).orElseThrow();
            NodeList references = signature.getElementsByTagNameNS(RecordSlots.DSIG, "Reference");
            assertThat(references.getLength()).as(slot.label()).isEqualTo(2);
            assertThat(((Element) references.item(0)).getAttribute("URI")).isEqualTo("#" + slot.covers());
            assertThat(((Element) references.item(1)).getAttribute("Type"))
                    .isEqualTo("http://uri.etsi.org/01903#SignedProperties");
            assertThat(((Element) references.item(1)).getAttribute("URI")).isEqualTo("#sig-" + slot.id() + "-sp");
            assertThat(signature.getElementsByTagNameNS(XadesProperties.XADES, "SignatureTimeStamp").getLength()).isOne();
            Instant signingTime = XadesProperties.signingTime(XadesProperties.qualifyingProperties(signature));
            SlotFinding finding = findings.stream().filter(f -> f.slotId().equals(slot.id())).findFirst().orElseThrow();
            assertThat(finding.valid() && finding.trusted()).as(finding.line()).isTrue();
            assertThat(signingTime).isBetween(signingStarted, Instant.now());
            assertThat(finding.timeStamp()).as(finding.line()).isNotNull()
                    .isBetween(signingTime, Instant.now());
            assertThat(finding.line()).contains("thời điểm theo dấu thời gian "
                    + vn.hocba.pades.verify.FindingWords.time(finding.timeStamp()));
        }
    }

    @Test
    void aTamperedTimeStampIsReportedThoughXmlsec1StillAcceptsTheXmldsigPart() throws Exception {
        Path root = dir.resolve("root-ts.pem");
        pki.writeRootPem(root);
        // a genuine token of the same TSA, but over the principal's signature value
        Document swapped = XmlDocuments.parse(signed);
        stampOf(swapped, "sig-KY_PHAT_HANH").setTextContent(stampOf(swapped, "sig-CBQL").getTextContent());
        Map<String, SlotFinding> after = findings(XmlDocuments.bytes(swapped));
        SlotFinding issuer = after.get("KY_PHAT_HANH");
        assertThat(issuer.valid()).isFalse();
        assertThat(issuer.timeStamp()).isNull();
        assertThat(issuer.line()).contains("KHÔNG HỢP LỆ").contains("dấu thời gian không khớp với giá trị chữ ký");
        assertThat(after.values().stream().filter(f -> f != issuer))
                .allSatisfy(f -> assertThat(f.valid() && f.trusted()).as(f.line()).isTrue());
        Path file = dir.resolve("swapped-stamp.hocbaso.xml");
        Files.write(file, XmlDocuments.bytes(swapped));
        assertThat(Xmlsec1.verify(file, root, "sig-KY_PHAT_HANH").ok()).as("xmlsec1 does not read time-stamps").isTrue();

        // a token whose TSA signature no longer matches (its last byte, in the TSA's signature value, changed)
        Document broken = XmlDocuments.parse(signed);
        byte[] token = Base64.getMimeDecoder().decode(stampOf(broken, "sig-KY_PHAT_HANH").getTextContent());
        token[token.length - 1] ^= 0x01;
        stampOf(broken, "sig-KY_PHAT_HANH").setTextContent(Base64.getEncoder().encodeToString(token));
        assertThat(findings(XmlDocuments.bytes(broken)).get("KY_PHAT_HANH").line())
                .contains("KHÔNG HỢP LỆ").contains("chữ ký của dịch vụ cấp dấu thời gian không hợp lệ");

        // a token over the right value from a TSA outside the trust anchors
        Document foreign = XmlDocuments.parse(signed);
        Element signature = XmlDocuments.byId(foreign, "sig-KY_PHAT_HANH");
        Element value = (Element) signature.getElementsByTagNameNS(RecordSlots.DSIG, "SignatureValue").item(0);
        DevelopmentPki other = DevelopmentPki.createFresh(dir.resolve("foreign-tsa"));
        stampOf(foreign, "sig-KY_PHAT_HANH").setTextContent(Base64.getEncoder().encodeToString(
                other.timeStampAuthority().timeStamp(SignatureTimeStamps.sha256(SignatureTimeStamps.canonical(value)))));
        SlotFinding untrusted = findings(XmlDocuments.bytes(foreign)).get("KY_PHAT_HANH");
        assertThat(untrusted.valid()).isTrue();
        assertThat(untrusted.trusted()).isFalse();
        assertThat(untrusted.line()).contains("KHÔNG HỢP LỆ")
                .contains("chứng thư của dịch vụ cấp dấu thời gian không xuất phát từ gốc tin cậy");
    }

    @Test
    void theXmldsigSettingSignsEverySlotAsBeforeWithOneReferenceAndNoXades() throws Exception {
        TimeStampSource tsa = pki.timeStampAuthority();
        assertThat(SignatureForm.resolve(null, tsa)).as("unset, with a TSA").isEqualTo(SignatureForm.XADES_T);
        assertThat(SignatureForm.resolve(" ", null)).as("unset, no TSA").isEqualTo(SignatureForm.XMLDSIG);
        assertThat(SignatureForm.resolve("xades-t", tsa)).isEqualTo(SignatureForm.XADES_T);
        assertThatThrownBy(() -> SignatureForm.resolve("xades-t", null)).hasMessageContaining(SignatureForm.PROPERTY)
                .hasMessageContaining("TSA");
        assertThatThrownBy(() -> SignatureForm.resolve("xades", tsa)).hasMessageContaining("«xades»");
        Document record = SampleRecords.signInOrder(SampleRecords.unsigned(transcript), pki,
                SignatureForm.resolve("xmldsig", tsa));
        String xml = XmlDocuments.text(record);
        assertThat(xml).doesNotContain("01903").doesNotContain("ds:Object").doesNotContain("-value\"");
        NodeList signatures = record.getElementsByTagNameNS(RecordSlots.DSIG, "Signature");
        assertThat(signatures.getLength()).isEqualTo(RecordSlots.of(record).all().size());
        for (int i = 0; i < signatures.getLength(); i++) {
            assertThat(((Element) signatures.item(i)).getElementsByTagNameNS(RecordSlots.DSIG, "Reference").getLength())
                    .isOne();
        }
        List<SlotFinding> findings = new RecordVerifier(pki.trustAnchors()).verify(record);
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.valid() && f.trusted()).as(f.line()).isTrue();
            assertThat(f.timeStamp()).isNull();
            assertThat(f.line()).doesNotContain("dấu thời gian");
        });
        assertThat(RecordSchema.problems(record)).isEmpty();
        Path file = dir.resolve("xmldsig.hocbaso.xml");
        Files.write(file, XmlDocuments.bytes(record));
        Path root = dir.resolve("root-xmldsig.pem");
        pki.writeRootPem(root);
        assertThat(Xmlsec1.verify(file, root, "sig-CBQL").ok()).isTrue();
    }

    @Test
    void theTwoHalvesOfABatchSignXadesTWithTheSigningTimeFixedWhenPrepared() {
        Document record = SampleRecords.unsigned(transcript);
        var teacher = pki.issueEcdsa("Giáo viên Toán", "Giáo viên bộ môn", null);
        Instant at = SignatureForm.XADES_T.signingTime(Clock.systemUTC());
        assertThat(SignatureForm.XMLDSIG.signingTime(Clock.systemUTC())).isNull();
        byte[] data = SlotValues.dataToSign(record, SlotRole.SUBJECT_TEACHER, "gvbm-15-1", teacher.certificateChain(), at);
        byte[] value = SlotValues.of(teacher, List.of(data)).get(0);
        Document other = XmlDocuments.parse(XmlDocuments.bytes(record));
        assertThatThrownBy(() -> SlotValues.sign(other, SlotRole.SUBJECT_TEACHER, "gvbm-15-1", teacher.certificateChain(),
                data, value, at.plusSeconds(1))).as("the signing time is part of what was signed")
                .isInstanceOf(vn.hocba.pades.SigningException.class);
        Element signature = SlotValues.sign(record, SlotRole.SUBJECT_TEACHER, "gvbm-15-1", teacher.certificateChain(),
                data, value, at);
        Instant before = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        SignatureTimeStamps.add(signature, pki.timeStampAuthority());
        Instant after = Instant.now();
        SlotFinding finding = new RecordVerifier(pki.trustAnchors()).verify(record).stream()
                .filter(f -> f.slotId().equals("gvbm-15-1")).findFirst().orElseThrow();
        assertThat(finding.valid() && finding.trusted()).as(finding.line()).isTrue();
        assertThat(finding.timeStamp()).as("the time the TSA certified, read back by the verifier").isBetween(before, after);
        assertThat(XmlDocuments.text(record)).contains("xmldsig-more#ecdsa-sha256");
        assertThatThrownBy(() -> SignatureTimeStamps.add(signature, pki.timeStampAuthority()))
                .as("one time-stamp per signature").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSecondReferenceToAnythingButItsOwnSignedPropertiesIsRefusedThoughTheMathIsRight() throws Exception {
        Path root = dir.resolve("root-extra.pem");
        pki.writeRootPem(root);
        for (String type : new String[] {null, XadesProperties.SIGNED_PROPERTIES_TYPE}) {
            Document record = SampleRecords.unsigned(transcript);
            var teacher = pki.issue("Giáo viên Toán", "Giáo viên bộ môn", null);
            Element slot = XmlDocuments.byId(record, "gvbm-15-1");
            XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM");
            List<javax.xml.crypto.dsig.Transform> c14n = List.of(f.newTransform(CanonicalizationMethod.EXCLUSIVE,
                    (TransformParameterSpec) null));
            var sha256 = f.newDigestMethod(DigestMethod.SHA256, null);
            var signedInfo = f.newSignedInfo(f.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE,
                    (C14NMethodParameterSpec) null), f.newSignatureMethod(SignatureMethod.RSA_SHA256, null),
                    List.of(f.newReference("#mon-15", sha256, c14n, null, null),
                            f.newReference("#mon-19", sha256, c14n, type, null)));
            var keys = f.getKeyInfoFactory();
            DOMSignContext context = new DOMSignContext(CredentialProvider.keyOf(teacher), slot);
            context.setDefaultNamespacePrefix("ds");
            context.setProperty(CredentialProvider.CONTEXT_PROPERTY, new CredentialProvider(teacher));
            XmlDocuments.markIds(record);
            f.newXMLSignature(signedInfo, keys.newKeyInfo(List.of(keys.newX509Data(teacher.certificateChain()))), null,
                    "sig-gvbm-15-1", null).sign(context);
            SlotFinding finding = findings(XmlDocuments.bytes(record)).get("gvbm-15-1");
            assertThat(finding.valid()).as(finding.line()).isFalse();
            assertThat(finding.problem()).as(String.valueOf(type))
                    .contains(type == null ? "chỉ được có tham chiếu tới phần của học bạ" : "ds:Object");
            Path file = dir.resolve("extra-" + (type == null ? "data" : "typed") + ".hocbaso.xml");
            Files.write(file, XmlDocuments.bytes(record));
            assertThat(Xmlsec1.verify(file, root, "sig-gvbm-15-1").ok()).as("the XMLDSig math is right").isTrue();
        }
    }

    @Test
    void euDssValidatesEverySlotAsXadesBaselineTWithItsTimeStampOverTheSignatureValue() {
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(pki.rootCertificate()));
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(trusted);
        verifier.setAIASource(null);
        verifier.setOcspSource(null);
        verifier.setCrlSource(null);
        XMLDocumentValidator validator = new XMLDocumentValidator(new InMemoryDocument(signed, "record.hocbaso.xml"));
        validator.setCertificateVerifier(verifier);
        Reports reports = validator.validateDocument();
        assertThat(XMLSignatureFactory.getInstance("DOM").getProvider().getName())
                .as("DSS leaves the JDK's XMLDSig provider in place (CredentialProvider relies on it)").isEqualTo("XMLDSig");
        List<SignatureWrapper> signatures = reports.getDiagnosticData().getSignatures();
        assertThat(signatures).extracting(SignatureWrapper::getDAIdentifier).containsExactlyInAnyOrderElementsOf(
                RecordSlots.of(XmlDocuments.parse(signed)).all().stream().map(s -> "sig-" + s.id()).toList());
        for (SignatureWrapper s : signatures) {
            String what = s.getDAIdentifier() + " " + reports.getSimpleReport().getIndication(s.getId()) + " "
                    + reports.getSimpleReport().getSubIndication(s.getId());
            assertThat(s.getSignatureFormat()).as(what).isEqualTo(SignatureLevel.XAdES_BASELINE_T);
            assertThat(s.isSignatureIntact() && s.isSignatureValid()).as(what).isTrue();
            assertThat(s.getTimestampList()).as(what).singleElement().satisfies(t -> {
                assertThat(t.getType()).isEqualTo(TimestampType.SIGNATURE_TIMESTAMP);
                assertThat(t.isMessageImprintDataFound() && t.isMessageImprintDataIntact()).as(what + " imprint").isTrue();
                assertThat(t.isSignatureValid()).isTrue();
            });
        }
    }

    private static Element stampOf(Document record, String signatureId) {
        return (Element) XmlDocuments.byId(record, signatureId)
                .getElementsByTagNameNS(XadesProperties.XADES, "EncapsulatedTimeStamp").item(0);
    }

    @Test
    void xmlsec1VerifiesEverySignatureWithTheDevelopmentRoot() throws Exception {
        Path file = dir.resolve("record.hocbaso.xml");
        Files.write(file, signed);
        Path root = dir.resolve("root.pem");
        pki.writeRootPem(root);
        for (SignatureSlot slot : RecordSlots.of(XmlDocuments.parse(signed)).all()) {
            Xmlsec1.Result result = Xmlsec1.verify(file, root, "sig-" + slot.id());
            assertThat(result.ok()).as(slot.label() + ": " + result.output()).isTrue();
        }
        Path other = dir.resolve("other-root.pem");
        DevelopmentPki.createFresh(dir.resolve("other-pki")).writeRootPem(other);
        assertThat(Xmlsec1.verify(file, other, "sig-CBQL").ok()).as("a foreign root").isFalse();
    }

    @Test
    void changingAMarkBreaksThatTeachersThePrincipalsAndTheSchoolsSignatureOnly() throws Exception {
        Document record = XmlDocuments.parse(signed);
        Element toan = XmlDocuments.byId(record, "mon-15");
        Element hk2 = (Element) toan.getElementsByTagName(HocBaSoProfile.TERM_2).item(0);
        hk2.setTextContent(hk2.getTextContent().equals("9,0") ? "8,0" : "9,0");
        byte[] changed = XmlDocuments.bytes(record);
        Map<String, SlotFinding> after = findings(changed);
        assertThat(after.get("gvbm-15-1").valid()).isFalse();
        assertThat(after.get("CBQL").valid()).isFalse();
        assertThat(after.get("KY_PHAT_HANH").valid()).isFalse();
        assertThat(after.get("GVCN").valid()).isTrue();
        assertThat(after.values().stream().filter(f -> f.role() == SlotRole.SUBJECT_TEACHER && !f.slotId().equals("gvbm-15-1")))
                .isNotEmpty().allSatisfy(f -> assertThat(f.valid()).as(f.line()).isTrue());
        // xmlsec1 agrees
        Path file = dir.resolve("changed.hocbaso.xml");
        Files.write(file, changed);
        Path root = dir.resolve("root2.pem");
        pki.writeRootPem(root);
        assertThat(Xmlsec1.verify(file, root, "sig-gvbm-15-1").ok()).isFalse();
        assertThat(Xmlsec1.verify(file, root, "sig-CBQL").ok()).isFalse();
        assertThat(Xmlsec1.verify(file, root, "sig-GVCN").ok()).isTrue();
        assertThat(Xmlsec1.verify(file, root, "sig-gvbm-19-1").ok()).isTrue();
    }

    @Test
    void theSlotOrderIsEnforced() {
        Document record = SampleRecords.unsigned(transcript);
        RecordSigner signer = new RecordSigner(null, java.time.Clock.systemUTC());
        var homeroom = pki.issue(transcript.homeroomTeacher(), "Giáo viên chủ nhiệm", null);
        assertThatThrownBy(() -> signer.sign(record, SlotRole.HOMEROOM_TEACHER, null, homeroom))
                .isInstanceOf(Rejected.class).hasMessageContaining("còn chờ").hasMessageContaining("gvbm-15-1");
        assertThatThrownBy(() -> signer.sign(record, SlotRole.PRINCIPAL, null, homeroom))
                .isInstanceOf(Rejected.class).hasMessageContaining("GVCN");
        assertThatThrownBy(() -> signer.sign(record, SlotRole.ISSUER, null, pki.organisation("TRƯỜNG THCS MẪU")))
                .isInstanceOf(Rejected.class).hasMessageContaining("CBQL");
        var teacher = pki.issue("GV", "Giáo viên bộ môn", null);
        signer.sign(record, SlotRole.SUBJECT_TEACHER, "gvbm-15-1", teacher);
        assertThatThrownBy(() -> signer.sign(record, SlotRole.SUBJECT_TEACHER, "gvbm-15-1", teacher))
                .isInstanceOf(Rejected.class).hasMessageContaining("đã có chữ ký");
    }

    /**
     * Fingerprints and data to sign copy the record in memory instead of writing and reading it again; the copy
     * must be the record the round trip gave, byte for byte, or every stored fingerprint would change.
     */
    @Test
    void theInMemoryCopyIsTheRecordTheRoundTripGave() {
        List<Document> records = new java.util.ArrayList<>();
        SampleDocuments.create().transcripts().forEach(t -> records.add(SampleRecords.unsigned(t)));
        records.add(XmlDocuments.parse(signed));
        Document half = SampleRecords.unsigned(transcript);
        new RecordSigner(null, java.time.Clock.systemUTC())
                .sign(half, SlotRole.SUBJECT_TEACHER, "gvbm-15-1", pki.issue("GV", "Giáo viên bộ môn", null));
        records.add(half);
        for (Document record : records) {
            Document copy = XmlDocuments.copy(record);
            assertThat(copy).isNotSameAs(record);
            assertThat(new String(XmlDocuments.bytes(copy), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(new String(XmlDocuments.bytes(XmlDocuments.parse(XmlDocuments.bytes(record))),
                            java.nio.charset.StandardCharsets.UTF_8));
            assertThat(XmlDocuments.byId(copy, "mon-15")).isNotNull();
            assertThat(copy.getElementById("mon-15")).as("ids marked in the copy").isNotNull();
        }
    }
}
