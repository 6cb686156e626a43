package vn.hocba.hocbaso;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vn.hocba.documents.sample.SampleDocuments;
import vn.hocba.pades.SigningCredential;
import vn.hocba.pades.devpki.DevelopmentPki;

/**
 * The principal's per-record work that covers the whole record, and the class package's per-record check, alone
 * (issue 19, session 23): on the sample record signed by every subject teacher and the homeroom teacher (XAdES-T),
 * the principal's signature built up to its value ({@link SlotValues#unfinished}: the reference's digest over
 * {@code #data}, what the seal's signature also digests); then on the record signed in every slot, its check for the
 * class package ({@link ClassPackage#released}). Session 27: the stored version read again as a step that does not
 * find it in {@link RecentRecordDocuments} reads it ({@link XmlDocuments#parse} of the principal's version, what
 * the seal reads), and the seal's signature built on it digesting {@code #data} and with the principal's digest
 * ({@link RegionDigests}). Thread CPU per 40 records, each round; the median of the second half of the rounds.
 * Arguments: rounds (default 20). Run with main's classes and this branch's, alternating, e.g.
 * {@code java -cp target/test-classes:<classes>:... vn.hocba.hocbaso.RecordRegionBenchmark}. Not a test.
 */
public final class RecordRegionBenchmark {

    private static final int RECORDS = 40;

    private RecordRegionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        DevelopmentPki pki = DevelopmentPki.createFresh(Files.createTempDirectory("record-region-bench").resolve("pki"));
        Document record = SampleRecords.unsigned(SampleDocuments.create().transcript(0));
        RecordSigner signer = new RecordSigner(null, Clock.systemUTC(), pki.timeStampAuthority());
        for (SlotRole role : List.of(SlotRole.SUBJECT_TEACHER, SlotRole.HOMEROOM_TEACHER)) {
            for (SignatureSlot slot : RecordSlots.of(record).all()) {
                if (slot.role() == role) {
                    signer.sign(record, role, role == SlotRole.SUBJECT_TEACHER ? slot.id() : null,
                            pki.issue(slot.signerName(), role.title(), null));
                }
            }
        }
        SignatureSlot principal = RecordSlots.of(record).slot(SlotRole.PRINCIPAL, null);
        SigningCredential credential = pki.issue(principal.signerName(), SlotRole.PRINCIPAL.title(), null);
        Instant at = SignatureForm.XADES_T.signingTime(Clock.systemUTC());
        Document signed = SampleRecords.signInOrder(SampleRecords.unsigned(SampleDocuments.create().transcript(0)), pki);
        byte[] released = XmlDocuments.bytes(signed);
        int slots = RecordSlots.of(signed).all().size();
        System.out.printf("record with %d signatures: %d bytes%n", RecordSlots.of(record).all().stream()
                .filter(SignatureSlot::signed).count(), XmlDocuments.bytes(record).length);
        Document principalSigned = XmlDocuments.copy(record);
        new RecordSigner(null, Clock.systemUTC(), pki.timeStampAuthority()).sign(principalSigned, SlotRole.PRINCIPAL,
                null, credential);
        byte[] sealsInput = XmlDocuments.bytes(principalSigned);
        byte[] dataDigest = referenceDigest(principalSigned, "#" + HocBaSoProfile.DATA_ID);
        SignatureSlot issuer = RecordSlots.of(principalSigned).slot(SlotRole.ISSUER, null);
        List<X509Certificate> seal = pki.organisation(issuer.signerName()).certificateChain();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        List<Double> prepare = new ArrayList<>();
        List<Double> check = new ArrayList<>();
        List<Double> read = new ArrayList<>();
        List<Double> sealDigesting = new ArrayList<>();
        List<Double> sealKnown = new ArrayList<>();
        Document[] stored = new Document[RECORDS];
        for (int round = 0; round < rounds; round++) {
            long read0 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < RECORDS; i++) {
                stored[i] = XmlDocuments.parse(sealsInput);
            }
            read.add((cpu.getCurrentThreadCpuTime() - read0) / 1e6);
            long seal0 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < RECORDS; i++) {
                SlotValues.unfinished(stored[i], SlotRole.ISSUER, null, seal, at);
            }
            sealDigesting.add((cpu.getCurrentThreadCpuTime() - seal0) / 1e6);
            sealKnown.add(sealWithDigest(stored, seal, at, dataDigest, cpu));
            long started = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < RECORDS; i++) {
                SlotValues.unfinished(record, SlotRole.PRINCIPAL, null, credential.certificateChain(), at);
            }
            prepare.add((cpu.getCurrentThreadCpuTime() - started) / 1e6);
            started = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < RECORDS; i++) {
                ClassPackage.released(released, slots, slots);
            }
            check.add((cpu.getCurrentThreadCpuTime() - started) / 1e6);
            System.out.printf("round %d: principal's signatures built %.1f ms, package checks %.1f ms, stored versions "
                    + "read %.1f ms, seal's signatures built %.1f ms digesting #data, %.1f ms with the principal's digest "
                    + "(CPU, %d records)%n", round + 1, prepare.get(round), check.get(round), read.get(round),
                    sealDigesting.get(round), sealKnown.get(round), RECORDS);
        }
        System.out.printf("median of rounds %d-%d: principal's signatures built %.1f ms, package checks %.1f ms, stored "
                + "versions read %.1f ms, seal's signatures built %.1f ms digesting #data, %.1f ms with the principal's "
                + "digest%n", rounds / 2 + 1, rounds, median(prepare.subList(rounds / 2, rounds)),
                median(check.subList(rounds / 2, rounds)), median(read.subList(rounds / 2, rounds)),
                median(sealDigesting.subList(rounds / 2, rounds)), median(sealKnown.subList(rounds / 2, rounds)));
    }

    /**
     * The seal's signatures built on {@code stored} with {@code digest} as that of {@code #data}: thread CPU in ms; NaN
     * on classes from before {@link RegionDigests} (so that this benchmark runs on main's classes for an A/B too).
     */
    private static double sealWithDigest(Document[] stored, List<X509Certificate> seal, Instant at, byte[] digest,
            ThreadMXBean cpu) {
        try {
            long started = cpu.getCurrentThreadCpuTime();
            for (Document record : stored) {
                SlotValues.find(record, SlotRole.ISSUER, null, seal, at, region -> digest.clone());
            }
            return (cpu.getCurrentThreadCpuTime() - started) / 1e6;
        } catch (NoSuchMethodError e) {
            return Double.NaN;
        }
    }

    /** The digest that {@code record}'s signature reference to {@code uri} states. */
    private static byte[] referenceDigest(Document record, String uri) {
        NodeList references = record.getElementsByTagNameNS(RecordSlots.DSIG, "Reference");
        for (int i = 0; i < references.getLength(); i++) {
            Element reference = (Element) references.item(i);
            if (uri.equals(reference.getAttribute("URI"))) {
                return Base64.getMimeDecoder().decode(reference.getElementsByTagNameNS(RecordSlots.DSIG, "DigestValue")
                        .item(0).getTextContent());
            }
        }
        throw new IllegalStateException("no reference to " + uri);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
