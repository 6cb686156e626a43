package vn.hocba.hocbaso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.KeyStore;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.hocba.documents.PrintedProfile;
import vn.hocba.documents.TranscriptData;
import vn.hocba.documents.sample.SampleDocuments;
import vn.hocba.pades.devpki.DevelopmentPki;

/** What the record holds, what keeps it from being generated, and what the verifier refuses. */
class RecordContentTest {

    private static final SampleDocuments SAMPLES = SampleDocuments.create();
    private final RecordXml records = new RecordXml(SubjectCodeTable.standard());

    @Test
    void theSchemaValidatesTheRecordOfEveryStudentOfTheSampleClass() {
        for (TranscriptData t : SAMPLES.transcripts()) {
            Document record = records.build(new RecordInput(t, SampleRecords.SAMPLE_IDENTIFIERS, Map.of()));
            assertThat(RecordSchema.problems(record)).as(t.student().fullName()).isEmpty();
        }
    }

    @Test
    void theRecordSaysWhatTheTranscriptSaysWithNationalSubjectCodes() {
        TranscriptData t = SAMPLES.transcript(0);
        Document record = records.build(new RecordInput(t, SampleRecords.SAMPLE_IDENTIFIERS, Map.of()));
        Element toan = XmlDocuments.byId(record, "mon-15");
        var row = t.subjects().stream().filter(s -> s.code().equals("TOAN")).findFirst().orElseThrow();
        assertThat(text(toan, HocBaSoProfile.YEAR)).isEqualTo(row.year());
        assertThat(text(toan, HocBaSoProfile.TERM_1)).isEqualTo(row.hk1());
        assertThat(XmlDocuments.byId(record, "mon-19")).as("Ngữ văn is 19").isNotNull();
        Element info = XmlDocuments.byId(record, HocBaSoProfile.INFO_ID);
        assertThat(text(info, HocBaSoProfile.PERSONAL_ID)).isEqualTo(t.student().personalId());
        assertThat(text(info, HocBaSoProfile.REGISTER_NUMBER)).isEqualTo("125/THCS");
        assertThat(text(info, HocBaSoProfile.GRADE)).isEqualTo("07");
    }

    @Test
    void aConfiguredSubjectCodeReplacesTheDefault() {
        SubjectCodeTable table = new SubjectCodeTable(Map.of("TOAN", "151"));
        Document record = new RecordXml(table).build(new RecordInput(SAMPLES.transcript(0), SampleRecords.SAMPLE_IDENTIFIERS, Map.of()));
        assertThat(XmlDocuments.byId(record, "mon-151")).isNotNull();
        assertThat(XmlDocuments.byId(record, "mon-15")).isNull();
    }

    @Test
    void coTeachersEachHaveTheirOwnSlotOverTheSameSubject() {
        Document record = records.build(new RecordInput(SAMPLES.transcript(0), SampleRecords.SAMPLE_IDENTIFIERS,
                Map.of("NGHE_THUAT", List.of("Đỗ Minh Thư", "Hồ Quang Vinh"))));
        assertThat(RecordSlots.of(record).all()).filteredOn(s -> s.covers().equals("mon-97"))
                .extracting(SignatureSlot::id, SignatureSlot::signerName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("gvbm-97-1", "Đỗ Minh Thư"),
                        org.assertj.core.groups.Tuple.tuple("gvbm-97-2", "Hồ Quang Vinh"));
    }

    @Test
    void noRecordForAStudentWithoutAPersonalIdAndTheProblemNamesTheStudent() {
        TranscriptData t = withPersonalId(SAMPLES.transcript(1), "");
        assertThatThrownBy(() -> records.build(new RecordInput(t, SampleRecords.SAMPLE_IDENTIFIERS, Map.of())))
                .isInstanceOf(RecordNotReadyException.class)
                .hasMessageContaining(t.student().fullName()).hasMessageContaining("thiếu số định danh cá nhân");
        List<String> missing = new RecordReadiness(SubjectCodeTable.standard())
                .missing(new RecordInput(SAMPLES.transcript(2), RecordIdentifiers.none(), Map.of()));
        assertThat(missing).anyMatch(m -> m.contains("mã học sinh trên CSDL ngành"))
                .anyMatch(m -> m.contains("số sổ đăng bộ")).anyMatch(m -> m.contains("mã trường"));
    }

    @Test
    void thePersonalIdMustAgreeWithBirthYearSexAndProvince() {
        LocalDate born = LocalDate.of(2012, 3, 4);
        assertThat(PersonalIdCheck.problems("001312004711", born, true)).isEmpty();
        assertThat(PersonalIdCheck.problems("001212004711", born, true)).singleElement().asString()
                .contains("chữ số thứ 4 là 2").contains("phải là 3");
        assertThat(PersonalIdCheck.problems("001311004711", born, true)).singleElement().asString().contains("năm sinh là 2012");
        assertThat(PersonalIdCheck.problems("003312004711", born, true)).singleElement().asString().contains("mã tỉnh");
        assertThat(PersonalIdCheck.problems("00131200471", born, true)).singleElement().asString().contains("12 chữ số");
        assertThat(PersonalIdCheck.problems("001012004711", LocalDate.of(1912, 1, 1), false)).isEmpty();
    }

    @Test
    void aSignaturePlacedInsideWhatItSignsIsRefusedEvenThoughItsMathIsRight(@TempDir Path dir) throws Exception {
        DevelopmentPki pki = DevelopmentPki.createFresh(dir);
        Document record = SampleRecords.unsigned(SAMPLES.transcript(0));
        Element slot = (Element) record.getElementsByTagName(HocBaSoProfile.HOMEROOM_SLOT).item(0); // inside #data
        KeyStore.PrivateKeyEntry key = privateKey(pki, dir);
        XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM");
        var ref = f.newReference("#data", f.newDigestMethod(DigestMethod.SHA256, null),
                List.of(f.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                        f.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)), null, null);
        var si = f.newSignedInfo(f.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                f.newSignatureMethod(SignatureMethod.RSA_SHA256, null), List.of(ref));
        var kif = f.getKeyInfoFactory();
        var sig = f.newXMLSignature(si, kif.newKeyInfo(List.of(kif.newX509Data(List.of(key.getCertificate())))));
        sig.sign(new DOMSignContext(key.getPrivateKey(), slot));
        Element signature = RecordSlots.signature(slot).orElseThrow();
        assertThat(f.unmarshalXMLSignature(new DOMValidateContext(key.getCertificate().getPublicKey(), signature))
                .validate(new DOMValidateContext(key.getCertificate().getPublicKey(), signature)))
                .as("an enveloped signature is mathematically valid").isTrue();
        SlotFinding finding = new RecordVerifier(pki.trustAnchors()).verify(record).stream()
                .filter(x -> x.role() == SlotRole.HOMEROOM_TEACHER).findFirst().orElseThrow();
        assertThat(finding.valid()).isFalse();
        assertThat(finding.problem()).contains("nằm bên trong phần nó ký");
    }

    /** The key of the only person a fresh development PKI has issued a certificate to. */
    private static KeyStore.PrivateKeyEntry privateKey(DevelopmentPki pki, Path dir) throws Exception {
        pki.issue("Người thử", "Giáo viên chủ nhiệm", null);
        Path p12;
        try (var files = java.nio.file.Files.list(dir.resolve("people"))) {
            p12 = files.filter(x -> x.toString().endsWith(".p12")).findFirst().orElseThrow();
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(p12)) {
            store.load(in, DevelopmentPki.PASSWORD.toCharArray());
        }
        String alias = store.aliases().nextElement();
        return (KeyStore.PrivateKeyEntry) store.getEntry(alias,
                new KeyStore.PasswordProtection(DevelopmentPki.PASSWORD.toCharArray()));
    }

    @Test
    void anEcdsaKeySignsASlotAndXmlsec1AcceptsIt(@TempDir Path dir) throws Exception {
        DevelopmentPki pki = DevelopmentPki.createFresh(dir.resolve("pki"));
        Document record = SampleRecords.unsigned(SAMPLES.transcript(0));
        new RecordSigner(null, java.time.Clock.systemUTC()).sign(record, SlotRole.SUBJECT_TEACHER, "gvbm-15-1",
                pki.issueEcdsa("Giáo viên Toán", "Giáo viên bộ môn", null));
        assertThat(XmlDocuments.text(record)).contains("xmldsig-more#ecdsa-sha256");
        SlotFinding finding = new RecordVerifier(pki.trustAnchors()).verify(record).stream()
                .filter(x -> x.slotId().equals("gvbm-15-1")).findFirst().orElseThrow();
        assertThat(finding.valid() && finding.trusted()).as(finding.line()).isTrue();
        Path file = dir.resolve("ecdsa.hocbaso.xml");
        java.nio.file.Files.write(file, XmlDocuments.bytes(record));
        Path root = dir.resolve("root.pem");
        pki.writeRootPem(root);
        Xmlsec1.Result result = Xmlsec1.verify(file, root, "sig-gvbm-15-1");
        assertThat(result.ok()).as(result.output()).isTrue();
    }

    private static String text(Element e, String name) {
        return e.getElementsByTagName(name).item(0).getTextContent();
    }

    private static TranscriptData withPersonalId(TranscriptData t, String id) {
        PrintedProfile p = t.student();
        PrintedProfile changed = new PrintedProfile(p.studentCode(), id, p.fullName(), p.sex(), p.dateOfBirth(),
                p.placeOfBirth(), p.ethnicity(), p.policyStatus(), p.address(), p.fatherName(), p.fatherOccupation(),
                p.motherName(), p.motherOccupation(), p.guardianName(), p.guardianOccupation());
        return new TranscriptData(t.identity(), t.school(), changed, t.className(), t.grade(), t.schoolYear(), t.subjects(),
                t.correctionCount(), t.correctedSubjects(), t.conduct(), t.learning(), t.absences(), t.promotion(),
                t.awards(), t.homeroomComment(), t.homeroomTeacher(), t.principalTitle(), t.principalName(), t.dateLine());
    }
}
