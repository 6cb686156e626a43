package vn.hocba.hocbaso;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import vn.hocba.common.Sha256;
import vn.hocba.documents.TranscriptData;
import vn.hocba.documents.sample.SampleDocuments;
import vn.hocba.pades.SigningCredential;
import vn.hocba.pades.devpki.DevelopmentPki;

/**
 * The record half of a class's signing steps without database or PDFs (issue 19): {@code records} copies of the
 * sample record, each slot signed in order the way {@link ClassRecordSigning} does it (data to sign, the
 * credential's value, the signature, its XAdES-T time-stamp, the bytes to store and their SHA-256), timed in
 * this thread's CPU per record and slot. Arguments: records (default 40), rounds (default 5).
 * Not a test: run with {@code java -cp target/test-classes:target/classes:... vn.hocba.hocbaso.RecordSlotBenchmark}.
 */
public final class RecordSlotBenchmark {

    private RecordSlotBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("record-slot-bench");
        DevelopmentPki pki = DevelopmentPki.createFresh(dir.resolve("pki"));
        TranscriptData transcript = SampleDocuments.create().transcript(0);
        Map<String, SigningCredential> credentials = new HashMap<>();
        for (SignatureSlot slot : RecordSlots.of(SampleRecords.unsigned(transcript)).all()) {
            credentials.computeIfAbsent(slot.signerName(), n -> slot.role() == SlotRole.ISSUER ? pki.organisation(n)
                    : pki.issue(n, slot.role().title(), null));
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        List<Double> perSlot = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < records; i++) {
                docs.add(SampleRecords.unsigned(transcript));
            }
            int slots = 0;
            long started = cpu.getCurrentThreadCpuTime();
            for (SlotRole role : SlotRole.values()) {
                for (SignatureSlot slot : RecordSlots.of(docs.get(0)).all()) {
                    if (slot.role() == role) {
                        slots += signSlotOfAll(docs, role, role == SlotRole.SUBJECT_TEACHER ? slot.id() : null,
                                credentials.get(slot.signerName()), pki);
                    }
                }
            }
            double ms = (cpu.getCurrentThreadCpuTime() - started) / 1e6;
            perSlot.add(ms / slots);
            System.out.printf("%s round %d: %d record slots in %.0f ms CPU, %.3f ms per record and slot%n", TWO_HALVES ? "once" : "twice", round + 1,
                    slots, ms, ms / slots);
        }
        List<Double> sorted = perSlot.stream().sorted().toList();
        System.out.printf("median %.3f ms CPU per record and slot (rounds %s)%n", sorted.get(sorted.size() / 2), perSlot);
    }

    /** One step of the class: prepare every record, have the credential sign, complete, write the bytes. */
    private static int signSlotOfAll(List<Document> docs, SlotRole role, String subjectSlotId,
            SigningCredential credential, DevelopmentPki pki) {
        Instant signingTime = SignatureForm.XADES_T.signingTime(Clock.systemUTC());
        List<org.w3c.dom.Element> signatures = TWO_HALVES
                ? FinishedOnce.sign(docs, role, subjectSlotId, credential, signingTime)
                : SignedTwice.sign(docs, role, subjectSlotId, credential, signingTime);
        signatures.forEach(signature -> SignatureTimeStamps.add(signature, pki.timeStampAuthority()));
        long sink = 0;
        for (Document doc : docs) {
            RecordSlots.of(doc).all();
            sink += Sha256.hex(XmlDocuments.bytes(doc)).length();
        }
        return sink > 0 ? docs.size() : 0;
    }

    /** Whether these classes build a slot's signature once (this branch) or twice (before). */
    private static final boolean TWO_HALVES = exists("vn.hocba.hocbaso.UnfinishedSignature");

    private static boolean exists(String name) {
        try {
            Class.forName(name);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Before: the data to sign on the record, then the signature made again with the value. */
    private static final class SignedTwice {
        static List<org.w3c.dom.Element> sign(List<Document> docs, SlotRole role, String subjectSlotId,
                SigningCredential credential, Instant signingTime) {
            List<byte[]> data = new ArrayList<>();
            for (Document doc : docs) {
                data.add(SlotValues.dataToSign(doc, role, subjectSlotId, credential.certificateChain(), signingTime));
            }
            List<byte[]> values = SlotValues.of(credential, data);
            List<org.w3c.dom.Element> signatures = new ArrayList<>();
            for (int i = 0; i < docs.size(); i++) {
                signatures.add(SlotValues.sign(docs.get(i), role, subjectSlotId, credential.certificateChain(),
                        data.get(i), values.get(i), signingTime));
            }
            return signatures;
        }
    }

    /** This branch: the signature built once, finished with the value. */
    private static final class FinishedOnce {
        static List<org.w3c.dom.Element> sign(List<Document> docs, SlotRole role, String subjectSlotId,
                SigningCredential credential, Instant signingTime) {
            List<UnfinishedSignature> unfinished = new ArrayList<>();
            for (Document doc : docs) {
                unfinished.add(SlotValues.unfinished(doc, role, subjectSlotId, credential.certificateChain(),
                        signingTime));
            }
            List<byte[]> values = SlotValues.of(credential, unfinished.stream().map(UnfinishedSignature::data).toList());
            List<org.w3c.dom.Element> signatures = new ArrayList<>();
            for (int i = 0; i < docs.size(); i++) {
                signatures.add(unfinished.get(i).finish(values.get(i)));
            }
            return signatures;
        }
    }
}
