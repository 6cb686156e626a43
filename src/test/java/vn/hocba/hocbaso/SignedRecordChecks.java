package vn.hocba.hocbaso;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import vn.hocba.pades.devpki.DevelopmentPki;
import vn.hocba.schoolyear.ClassId;

/** What the tests of the ClassDocuments process check of the học bạ số records it signed. */
public final class SignedRecordChecks {

    private SignedRecordChecks() {
    }

    /**
     * Every student's latest record of the class is stored, signed in every slot, each signature valid
     * and trusted (our verifier) and the record valid against the XSD; one record's every signature is
     * also checked by xmlsec1 with the development root; every slot carries its XAdES-T time-stamp (the tests'
     * setting). Returns the records by student id.
     */
    public static Map<Long, byte[]> assertEveryRecordFullySigned(SignedRecords records, ClassId classId, int students,
            DevelopmentPki pki, Path dir) throws Exception {
        List<SignedRecords.StoredRecord> stored = records.latestOfClass(classId);
        assertThat(stored).as("one record per student").hasSize(students);
        RecordVerifier verifier = new RecordVerifier(pki.trustAnchors());
        Map<Long, byte[]> bytes = new LinkedHashMap<>();
        for (SignedRecords.StoredRecord r : stored) {
            assertThat(r.complete()).as("student " + r.studentId() + ": " + r.slotsSigned() + "/" + r.slotsTotal())
                    .isTrue();
            byte[] xml = records.read(r);
            Document doc = XmlDocuments.parse(xml);
            List<SlotFinding> findings = verifier.verify(doc);
            assertThat(RecordVerifier.allValid(findings)).as(findings.stream().map(SlotFinding::line).toList().toString())
                    .isTrue();
            assertThat(findings).as("XAdES-T (the default with the development TSA): every slot time-stamped")
                    .allSatisfy(f -> assertThat(f.timeStamp()).as(f.line()).isNotNull());
            assertThat(RecordSchema.problems(doc)).as("XSD, student " + r.studentId()).isEmpty();
            bytes.put(r.studentId(), xml);
        }
        Path root = dir.resolve("root-" + System.nanoTime() + ".pem");
        pki.writeRootPem(root);
        Path file = dir.resolve("record-" + System.nanoTime() + ".hocbaso.xml");
        byte[] first = bytes.values().iterator().next();
        Files.write(file, first);
        for (SignatureSlot slot : RecordSlots.of(XmlDocuments.parse(first)).all()) {
            Xmlsec1.Result result = Xmlsec1.verify(file, root, "sig-" + slot.id());
            assertThat(result.ok()).as("xmlsec1 " + slot.id() + ": " + result.output()).isTrue();
        }
        return bytes;
    }

    /**
     * The học bạ số class package of an export zip: its manifest signed by the school's issuing certificate
     * (our check and xmlsec1 with the development root), every record listed, unchanged and fully signed.
     */
    public static void assertClassPackage(byte[] zip, Map<Long, byte[]> records, DevelopmentPki pki, Path dir)
            throws Exception {
        ClassPackage.Check check = ClassPackage.check(zip, pki.trustAnchors());
        assertThat(check.valid()).as(check.problems() + " " + check.manifestSignature().line()).isTrue();
        assertThat(check.records()).isEqualTo(records.size());
        assertThat(check.manifestSignature().signer()).as("signed with the school's issuing certificate")
                .isEqualTo(RecordSlots.of(XmlDocuments.parse(records.values().iterator().next())).all().stream()
                        .filter(s -> s.role() == SlotRole.ISSUER).findFirst().orElseThrow().signerName().toUpperCase(
                                java.util.Locale.forLanguageTag("vi")));
        assertThat(ClassPackage.records(zip).values().stream().map(vn.hocba.common.Sha256::hex).sorted().toList())
                .as("the package holds the stored signed records")
                .isEqualTo(records.values().stream().map(vn.hocba.common.Sha256::hex).sorted().toList());
        Path root = dir.resolve("root-" + System.nanoTime() + ".pem");
        pki.writeRootPem(root);
        Path manifest = dir.resolve("manifest-" + System.nanoTime() + ".xml");
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(ClassPackage.MANIFEST_FILE)) {
                    Files.write(manifest, in.readAllBytes());
                }
            }
        }
        Xmlsec1.Result result = Xmlsec1.verify(manifest, root, "sig-goi");
        assertThat(result.ok()).as("xmlsec1 manifest: " + result.output()).isTrue();
    }

    /** The SignatureValue of each signed slot, by slot id. */
    public static Map<String, String> signatureValues(byte[] record) {
        Map<String, String> values = new LinkedHashMap<>();
        for (SignatureSlot slot : RecordSlots.of(XmlDocuments.parse(record)).all()) {
            RecordSlots.signature(slot.element()).ifPresent(s -> values.put(slot.id(),
                    s.getElementsByTagNameNS(RecordSlots.DSIG, "SignatureValue").item(0).getTextContent().strip()));
        }
        return values;
    }

    /**
     * Issue 17 item 2 on the issued transcripts of an export zip ({@code pdf/HB-…}): each carries, besides the
     * record embedded when it was generated, its student's record signed in every slot as
     * {@code <student code>-hocbaso-da-ky.xml}, byte for byte the stored record that the class package holds;
     * xmlsec1 verifies every slot of the first one with the development root. Returns the transcripts checked.
     */
    public static int assertTranscriptsCarryTheirFullySignedRecords(Map<String, byte[]> entries,
            Map<Long, byte[]> records, DevelopmentPki pki, Path dir) throws Exception {
        Map<String, byte[]> byName = new LinkedHashMap<>();
        records.values().forEach(r -> byName.put(SealedRecords.studentCode(r) + SealedRecords.FILE_SUFFIX, r));
        byte[] first = null;
        int transcripts = 0;
        for (var entry : entries.entrySet()) {
            if (!entry.getKey().startsWith("pdf/HB-")) {
                continue;
            }
            transcripts++;
            Map<String, byte[]> files = vn.hocba.pades.AssociatedFileUpdate.all(entry.getValue());
            List<String> full = files.keySet().stream().filter(SealedRecords::isFullySignedName).toList();
            assertThat(full).as(entry.getKey() + " carries one fully signed record").hasSize(1);
            assertThat(files.keySet()).as(entry.getKey()).anyMatch(n -> n.endsWith(".hocbaso.xml"));
            assertThat(byName).as(entry.getKey() + ": a record of the class").containsKey(full.get(0));
            assertThat(files.get(full.get(0))).as(entry.getKey() + ": the stored record, byte for byte")
                    .isEqualTo(byName.get(full.get(0)));
            if (first == null) {
                first = files.get(full.get(0));
            }
        }
        assertThat(transcripts).as("one transcript per record").isEqualTo(records.size());
        Path root = dir.resolve("root-" + System.nanoTime() + ".pem");
        pki.writeRootPem(root);
        Path file = dir.resolve("embedded-" + System.nanoTime() + ".hocbaso.xml");
        Files.write(file, first);
        for (SignatureSlot slot : RecordSlots.of(XmlDocuments.parse(first)).all()) {
            Xmlsec1.Result result = Xmlsec1.verify(file, root, "sig-" + slot.id());
            assertThat(result.ok()).as("xmlsec1, embedded record, " + slot.id() + ": " + result.output()).isTrue();
        }
        return transcripts;
    }
}
