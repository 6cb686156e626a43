package vn.hocba.hocbaso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import vn.hocba.common.Rejected;
import vn.hocba.documents.sample.SampleDocuments;
import vn.hocba.pades.SigningCredential;
import vn.hocba.pades.devpki.DevelopmentPki;

/**
 * The two halves of a class's signing step (issue 19): the signature is built once, kept out of the record
 * while the credential signs, and finished with the value; the record it gives is, byte for byte, the one a
 * second JSR 105 signature over the same record, signing time and value gave before, for RSA and ECDSA keys,
 * XAdES-T and plain XMLDSig, every slot in order; xmlsec1 and HocBa's verifier accept it, and a changed mark
 * still breaks exactly the signatures over it. Each signed record's bytes, copied from the record's bytes before
 * the step with the new signature put in its slot ({@link XmlBytes#withSignature}), are the bytes of the whole
 * record written anew.
 */
class SlotValuesTest {

    @TempDir
    static Path dir;
    static DevelopmentPki pki;
    static Document record;
    /** Per slot signed: the record written anew after the step, and its bytes before with the signature put in. */
    static final java.util.Map<String, List<byte[]>> SIGNED_BYTES = new java.util.LinkedHashMap<>();

    @BeforeAll
    static void signEverySlotBothWays() {
        pki = DevelopmentPki.createFresh(dir.resolve("pki"));
        record = SampleRecords.unsigned(SampleDocuments.create().transcript(0));
        Instant at = SignatureForm.XADES_T.signingTime(Clock.systemUTC());
        int n = 0;
        for (SlotRole role : SlotRole.values()) {
            for (SignatureSlot slot : RecordSlots.of(record).all()) {
                if (slot.role() != role) {
                    continue;
                }
                String subject = role == SlotRole.SUBJECT_TEACHER ? slot.id() : null;
                SigningCredential credential = role == SlotRole.ISSUER ? pki.organisation(slot.signerName())
                        : n % 3 == 1 ? pki.issueEcdsa(slot.signerName(), role.title(), null)
                        : pki.issue(slot.signerName(), role.title(), null);
                Instant time = n++ % 4 == 3 ? null : at;
                List<java.security.cert.X509Certificate> chain = credential.certificateChain();
                String before = text(record);
                byte[] stored = XmlDocuments.bytes(record);
                UnfinishedSignature unfinished = SlotValues.unfinished(record, role, subject, chain, time);
                assertThat(text(record)).as("building the signature leaves the record as it was").isEqualTo(before);
                byte[] value = credential.sign(unfinished.data());

                Document bySecondSignature = XmlDocuments.copy(record);
                var resigned = SlotValues.sign(bySecondSignature, role, subject, chain, unfinished.data(), value, time);
                assertThat(unfinished.slotsSigned()).isEqualTo(-1);
                var finished = unfinished.finish(value);
                assertThat(text(record)).as(slot.label()).isEqualTo(text(bySecondSignature));
                List<SignatureSlot> now = RecordSlots.of(record).all();
                assertThat(unfinished.slotsSigned()).as("slots signed, as the stored row states them")
                        .isEqualTo(now.stream().filter(SignatureSlot::signed).count()).isEqualTo(n);
                assertThat(unfinished.slotsTotal()).isEqualTo(now.size());
                if (time != null) {
                    SignatureTimeStamps.add(finished, pki.timeStampAuthority());
                    SignatureTimeStamps.add(resigned, pki.timeStampAuthority());
                    // the two time-stamps differ (time, serial): carry on with the finished record's
                }
                SIGNED_BYTES.put(slot.label(), List.of(XmlDocuments.bytes(record),
                        XmlBytes.withSignature(stored, slot.element(), finished).orElseThrow()));
            }
        }
    }

    @Test
    void everySignatureFinishedWithItsValueIsValidForHocBaAndXmlsec1() throws Exception {
        byte[] bytes = XmlDocuments.bytes(record);
        List<SlotFinding> findings = new RecordVerifier(pki.trustAnchors()).verify(XmlDocuments.parse(bytes));
        assertThat(findings).hasSizeGreaterThan(5)
                .allSatisfy(f -> assertThat(f.valid() && f.trusted()).as(f.line()).isTrue());
        assertThat(XmlDocuments.text(record)).contains("xmldsig-more#ecdsa-sha256").contains("rsa-sha256");
        Path file = dir.resolve("record.hocbaso.xml");
        Files.write(file, bytes);
        Path root = dir.resolve("root.pem");
        pki.writeRootPem(root);
        for (SignatureSlot slot : RecordSlots.of(record).all()) {
            Xmlsec1.Result result = Xmlsec1.verify(file, root, "sig-" + slot.id());
            assertThat(result.ok()).as(slot.label() + ": " + result.output()).isTrue();
        }
    }

    @Test
    void theBytesBeforeTheStepWithTheNewSignaturePutInAreTheRecordWrittenAnew() {
        assertThat(SIGNED_BYTES).hasSizeGreaterThan(5);
        SIGNED_BYTES.forEach((slot, bytes) -> assertThat(new String(bytes.get(1), StandardCharsets.UTF_8)).as(slot)
                .isEqualTo(new String(bytes.get(0), StandardCharsets.UTF_8)));
    }

    @Test
    void aSlotThatHoldsMoreThanTheNewSignatureOrIsNotOnceInTheBytesIsWrittenWhole() {
        Document fresh = SampleRecords.unsigned(SampleDocuments.create().transcript(0));
        byte[] before = XmlDocuments.bytes(fresh);
        SigningCredential teacher = pki.issue("Giáo viên Toán", "Giáo viên bộ môn", null);
        UnfinishedSignature unfinished = unfinishedMathSlot(fresh, teacher);
        org.w3c.dom.Element signature = unfinished.finish(teacher.sign(unfinished.data()));
        org.w3c.dom.Element slot = (org.w3c.dom.Element) signature.getParentNode();
        assertThat(XmlBytes.withSignature(before, slot, signature)).contains(XmlDocuments.bytes(fresh));

        slot.appendChild(fresh.createTextNode(" "));
        assertThat(XmlBytes.withSignature(before, slot, signature)).as("text after the signature").isEmpty();
        slot.removeChild(slot.getLastChild());
        assertThat(XmlBytes.withSignature("<a/>".getBytes(StandardCharsets.UTF_8), slot, signature))
                .as("the slot is not in the bytes").isEmpty();
        byte[] twice = new byte[2 * before.length];
        System.arraycopy(before, 0, twice, 0, before.length);
        System.arraycopy(before, 0, twice, before.length, before.length);
        assertThat(XmlBytes.withSignature(twice, slot, signature)).as("the slot twice in the bytes").isEmpty();
    }

    @Test
    void aChangedMarkChangesTheFingerprintAndBreaksThatTeachersAndTheRecordWideSignatures() throws Exception {
        Document changed = XmlDocuments.parse(XmlDocuments.bytes(record));
        String fingerprint = RecordFingerprint.of(changed);
        var hk2 = (org.w3c.dom.Element) XmlDocuments.byId(changed, "mon-15").getElementsByTagName(HocBaSoProfile.TERM_2)
                .item(0);
        hk2.setTextContent(hk2.getTextContent().equals("9,0") ? "8,0" : "9,0");
        assertThat(RecordFingerprint.of(changed)).isNotEqualTo(fingerprint);
        Path file = dir.resolve("changed.hocbaso.xml");
        Files.write(file, XmlDocuments.bytes(changed));
        Path root = dir.resolve("root-changed.pem");
        pki.writeRootPem(root);
        assertThat(Xmlsec1.verify(file, root, "sig-gvbm-15-1").ok()).isFalse();
        assertThat(Xmlsec1.verify(file, root, "sig-CBQL").ok()).isFalse();
        assertThat(Xmlsec1.verify(file, root, "sig-gvbm-19-1").ok()).isTrue();
    }

    @Test
    void aSlotSignedMeanwhileRefusesTheSecondFinishedSignature() {
        Document fresh = SampleRecords.unsigned(SampleDocuments.create().transcript(0));
        SigningCredential teacher = pki.issue("Giáo viên Toán", "Giáo viên bộ môn", null);
        UnfinishedSignature first = unfinishedMathSlot(fresh, teacher);
        UnfinishedSignature second = unfinishedMathSlot(fresh, teacher);
        first.finish(teacher.sign(first.data()));
        assertThatThrownBy(() -> second.finish(teacher.sign(second.data()))).isInstanceOf(Rejected.class);
        assertThat(RecordSlots.of(fresh).all().stream().filter(SignatureSlot::signed)).hasSize(1);
    }

    @Test
    void aSlotTakenOutOfTheRecordMeanwhileRefusesTheFinishedSignature() {
        Document fresh = SampleRecords.unsigned(SampleDocuments.create().transcript(0));
        SigningCredential teacher = pki.issue("Giáo viên Toán", "Giáo viên bộ môn", null);
        UnfinishedSignature unfinished = unfinishedMathSlot(fresh, teacher);
        org.w3c.dom.Element slot = RecordSlots.of(fresh).slot(SlotRole.SUBJECT_TEACHER, "gvbm-15-1").element();
        slot.getParentNode().removeChild(slot);
        assertThatThrownBy(() -> unfinished.finish(teacher.sign(unfinished.data()))).isInstanceOf(Rejected.class);
        assertThat(RecordSlots.of(fresh).all().stream().filter(SignatureSlot::signed)).isEmpty();
    }

    private static String text(Document doc) {
        return new String(XmlDocuments.bytes(doc), StandardCharsets.UTF_8);
    }

    /** The mathematics teacher's slot of {@code record}, built and waiting for the credential's value. */
    private static UnfinishedSignature unfinishedMathSlot(Document record, SigningCredential teacher) {
        return SlotValues.unfinished(record, SlotRole.SUBJECT_TEACHER, "gvbm-15-1", teacher.certificateChain(),
                SignatureForm.XADES_T.signingTime(Clock.systemUTC()));
    }
}
