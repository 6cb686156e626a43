package vn.hocba.hocbaso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.hocba.common.Rejected;
import vn.hocba.documents.TranscriptData;
import vn.hocba.documents.sample.SampleDocuments;
import vn.hocba.pades.devpki.DevelopmentPki;

/** The record's signatures, slot by slot, checked by HocBa's verifier and by xmlsec1 with the development root. */
class RecordSignaturesTest {

    @TempDir
    static Path dir;
    static DevelopmentPki pki;
    static TranscriptData transcript = SampleDocuments.create().transcript(0);
    static byte[] signed;

    @BeforeAll
    static void signAll() {
        pki = DevelopmentPki.createFresh(dir.resolve("pki"));
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
