package vn.hocba.hocbaso;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import vn.hocba.documents.sample.SampleDocuments;
import vn.hocba.pades.SigningCredential;
import vn.hocba.pades.devpki.DevelopmentPki;

/**
 * The seal signed with the digest of {@code #data} that the principal's signature stated ({@link RegionDigests}): the
 * same data to sign as the seal digesting {@code #data} itself, a record that HocBa's verifier and xmlsec1 accept in
 * every slot; no digest kept where no later step could take it.
 */
class RegionDigestsTest {

    @TempDir
    static Path dir;
    static DevelopmentPki pki;
    static Instant at;
    static final java.util.Map<String, SigningCredential> CREDENTIALS = new java.util.HashMap<>();

    @BeforeAll
    static void pki() {
        pki = DevelopmentPki.createFresh(dir.resolve("pki"));
        at = SignatureForm.XADES_T.signingTime(Clock.systemUTC());
    }

    @Test
    void theSealWithThePrincipalsDigestOfDataSignsWhatItWouldSignDigestingDataItselfAndVerifies() throws Exception {
        Document record = XmlDocuments.parse(signedBefore(SlotRole.PRINCIPAL));
        UnfinishedSignature principal = signature(record, SlotRole.PRINCIPAL, region -> null);
        SignatureTimeStamps.add(principal.finish(credential(record, SlotRole.PRINCIPAL).sign(principal.data())),
                pki.timeStampAuthority());
        byte[] data = principal.regionDigestKept().orElseThrow();
        byte[] stored = XmlDocuments.bytes(record);

        byte[] digesting = signature(XmlDocuments.parse(stored), SlotRole.ISSUER, region -> null).data();
        Document sealed = XmlDocuments.parse(stored);
        UnfinishedSignature seal = signature(sealed, SlotRole.ISSUER,
                region -> HocBaSoProfile.DATA_ID.equals(region) ? data : null);
        assertThat(seal.data()).isEqualTo(digesting);
        byte[] wrong = data.clone();
        wrong[0] ^= 1;
        assertThat(signature(XmlDocuments.parse(stored), SlotRole.ISSUER, region -> wrong).data())
                .as("the digest given is the one the seal states").isNotEqualTo(digesting);

        SignatureTimeStamps.add(seal.finish(credential(sealed, SlotRole.ISSUER).sign(seal.data())),
                pki.timeStampAuthority());
        byte[] bytes = XmlDocuments.bytes(sealed);
        List<SlotFinding> findings = new RecordVerifier(pki.trustAnchors()).verify(XmlDocuments.parse(bytes));
        assertThat(findings).hasSizeGreaterThan(5)
                .allSatisfy(f -> assertThat(f.valid() && f.trusted()).as(f.line()).isTrue());
        Path file = dir.resolve("sealed.hocbaso.xml");
        Files.write(file, bytes);
        Path root = dir.resolve("root.pem");
        pki.writeRootPem(root);
        for (SignatureSlot slot : RecordSlots.of(sealed).all()) {
            Xmlsec1.Result result = Xmlsec1.verify(file, root, RecordSigner.signatureId(slot));
            assertThat(result.ok()).as(slot.label() + ": " + result.output()).isTrue();
        }
    }

    @Test
    void noDigestIsKeptForASubjectTeacherOrARegionThatNoSlotStillToBeSignedCovers() {
        Document record = SampleRecords.unsigned(SampleDocuments.create().transcript(0));
        SignatureSlot subject = RecordSlots.of(record).all().get(0);
        // outside #info, which the homeroom teacher's slot, still to be signed, covers too
        subject.element().setAttribute(HocBaSoProfile.ATTR_COVERS, "#" + HocBaSoProfile.INFO_ID);
        SigningCredential teacher = credentialOf(subject);
        UnfinishedSignature subjects = SlotValues.unfinished(record, SlotRole.SUBJECT_TEACHER, subject.id(),
                teacher.certificateChain(), at);
        subjects.finish(teacher.sign(subjects.data()));
        assertThat(subjects.regionDigestKept()).as("a subject teacher's: the sheet path is left as it is").isEmpty();

        Document signedBySubjects = XmlDocuments.parse(signedBefore(SlotRole.HOMEROOM_TEACHER));
        UnfinishedSignature homeroom = signature(signedBySubjects, SlotRole.HOMEROOM_TEACHER, region -> null);
        homeroom.finish(credential(signedBySubjects, SlotRole.HOMEROOM_TEACHER).sign(homeroom.data()));
        assertThat(homeroom.regionDigestKept()).as("#info: no other slot covers it").isEmpty();
    }

    @Test
    void aDigestIsKnownOnlyForTheVersionAndRegionItWasRememberedFor() {
        RegionDigests digests = new RegionDigests(10);
        digests.remember("aa", HocBaSoProfile.DATA_ID, new byte[] {1, 2});
        assertThat(digests.of("aa", HocBaSoProfile.DATA_ID)).contains(new byte[] {1, 2});
        assertThat(digests.of("aa", HocBaSoProfile.INFO_ID)).isEmpty();
        assertThat(digests.of("ab", HocBaSoProfile.DATA_ID)).isEmpty();
    }

    /** The slot's signature of {@code role} in {@code record}, built up to its value. */
    private static UnfinishedSignature signature(Document record, SlotRole role, Function<String, byte[]> digests) {
        SlotValues.Found found = SlotValues.find(record, role, role.element(),
                credential(record, role).certificateChain(), at, digests);
        assertThat(found.refusal()).isNull();
        return found.signature();
    }

    /** The sample record's bytes, signed in order (XAdES-T) in every slot before {@code role}'s. */
    private static byte[] signedBefore(SlotRole role) {
        Document record = SampleRecords.unsigned(SampleDocuments.create().transcript(0));
        RecordSigner signer = new RecordSigner(null, Clock.systemUTC(), pki.timeStampAuthority());
        for (SlotRole earlier : SlotRole.values()) {
            if (earlier == role) {
                break;
            }
            for (SignatureSlot slot : RecordSlots.of(record).all()) {
                if (slot.role() == earlier) {
                    signer.sign(record, earlier, earlier == SlotRole.SUBJECT_TEACHER ? slot.id() : null,
                            credentialOf(slot));
                }
            }
        }
        return XmlDocuments.bytes(record);
    }

    private static SigningCredential credential(Document record, SlotRole role) {
        return credentialOf(RecordSlots.of(record).all().stream().filter(s -> s.role() == role).findFirst().orElseThrow());
    }

    /** One credential per signer, issued once. */
    private static SigningCredential credentialOf(SignatureSlot slot) {
        return CREDENTIALS.computeIfAbsent(slot.signerName(), name -> slot.role() == SlotRole.ISSUER
                ? pki.organisation(name) : pki.issue(name, slot.role().title(), null));
    }
}
