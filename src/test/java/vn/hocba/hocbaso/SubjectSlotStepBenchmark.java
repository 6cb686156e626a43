package vn.hocba.hocbaso;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.hocba.common.Sha256;
import vn.hocba.documents.TranscriptData;
import vn.hocba.documents.sample.SampleDocuments;
import vn.hocba.pades.SigningCredential;
import vn.hocba.pades.TimeStampSource;
import vn.hocba.pades.devpki.DevelopmentPki;

/**
 * A subject teacher's record step of a 40-student class without database, PDF or HTTP (issue 19, session 24): for
 * each subject slot in order, the per-record work {@link ClassRecordPreparation} and {@link ClassRecordCompletion}
 * do on the step's threads, here on one thread: the slot found and its signature built up to the value
 * ({@link SlotValues#find}), the development key's value, the signature finished, its XAdES-T time-stamp from the
 * in-process TSA, the record's bytes and their SHA-256 (twice, as the object key and the object store take it).
 * Thread CPU per record and slot, split by part; the median of the second half of the rounds. Arguments: rounds
 * (default 6; each signs every subject slot of 40 fresh records). Not a test: run with main's classes and this
 * branch's, alternating, e.g. {@code java -cp target/test-classes:<classes>:... vn.hocba.hocbaso.SubjectSlotStepBenchmark}.
 */
public final class SubjectSlotStepBenchmark {

    private static final int RECORDS = 40;
    private static final String[] PARTS = {"find", "value", "finish", "stamp", "bytes"};

    private SubjectSlotStepBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        DevelopmentPki pki = DevelopmentPki.createFresh(Files.createTempDirectory("subject-slot-bench").resolve("pki"));
        TranscriptData transcript = SampleDocuments.create().transcript(0);
        Map<String, SigningCredential> teachers = new LinkedHashMap<>();
        for (SignatureSlot slot : RecordSlots.of(SampleRecords.unsigned(transcript)).all()) {
            if (slot.role() == SlotRole.SUBJECT_TEACHER) {
                teachers.put(slot.id(), pki.issue(slot.signerName(), SlotRole.SUBJECT_TEACHER.title(), null));
            }
        }
        TimeStampSource tsa = pki.timeStampAuthority();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        List<double[]> perRound = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            List<Document> records = new ArrayList<>();
            for (int i = 0; i < RECORDS; i++) {
                records.add(SampleRecords.unsigned(transcript));
            }
            long[] nanos = new long[PARTS.length];
            long sink = 0;
            int slots = 0;
            for (Map.Entry<String, SigningCredential> teacher : teachers.entrySet()) {
                List<X509Certificate> chain = teacher.getValue().certificateChain();
                Instant at = SignatureForm.XADES_T.signingTime(Clock.systemUTC());
                for (Document record : records) {
                    long t0 = cpu.getCurrentThreadCpuTime();
                    SlotValues.Found found = SlotValues.find(record, SlotRole.SUBJECT_TEACHER, teacher.getKey(), chain, at);
                    long t1 = cpu.getCurrentThreadCpuTime();
                    byte[] value = teacher.getValue().sign(found.signature().data());
                    long t2 = cpu.getCurrentThreadCpuTime();
                    Element signature = found.signature().finish(value);
                    long t3 = cpu.getCurrentThreadCpuTime();
                    SignatureTimeStamps.add(signature, tsa);
                    long t4 = cpu.getCurrentThreadCpuTime();
                    byte[] bytes = XmlDocuments.bytes(record);
                    sink += Sha256.hex(bytes).length() + Sha256.hex(bytes).length();
                    long t5 = cpu.getCurrentThreadCpuTime();
                    nanos[0] += t1 - t0;
                    nanos[1] += t2 - t1;
                    nanos[2] += t3 - t2;
                    nanos[3] += t4 - t3;
                    nanos[4] += t5 - t4;
                    slots++;
                }
            }
            double[] ms = new double[PARTS.length + 1];
            for (int p = 0; p < PARTS.length; p++) {
                ms[p] = nanos[p] / 1e6 / slots;
                ms[PARTS.length] += ms[p];
            }
            perRound.add(ms);
            System.out.printf("round %d: %d record slots, ms CPU per record and slot: %s (sink %d)%n", round + 1, slots,
                    line(ms), sink);
        }
        double[] median = new double[PARTS.length + 1];
        for (int p = 0; p <= PARTS.length; p++) {
            List<Double> values = new ArrayList<>();
            for (double[] r : perRound.subList(rounds / 2, rounds)) {
                values.add(r[p]);
            }
            Collections.sort(values);
            int n = values.size();
            median[p] = n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
        }
        System.out.printf("median of rounds %d-%d, ms CPU per record and slot: %s%n", rounds / 2 + 1, rounds, line(median));
    }

    private static String line(double[] ms) {
        StringBuilder s = new StringBuilder();
        for (int p = 0; p < PARTS.length; p++) {
            s.append(String.format("%s %.3f, ", PARTS[p], ms[p]));
        }
        return s.append(String.format("all %.3f", ms[PARTS.length])).toString();
    }
}
