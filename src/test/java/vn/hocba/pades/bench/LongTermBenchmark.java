package vn.hocba.pades.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import vn.hocba.documents.DocumentRenderer;
import vn.hocba.documents.sample.SampleDocuments;
import vn.hocba.pades.LongTermExtender;
import vn.hocba.pades.PadesSigner;
import vn.hocba.pades.SignatureRequest;
import vn.hocba.pades.SignerRole;
import vn.hocba.pades.SigningCredential;
import vn.hocba.pades.devpki.DevelopmentPki;

/**
 * The LT/LTA extension alone ({@link LongTermExtender#extendToLta}), repeated on the calling thread: a rendered
 * transcript signed by the homeroom teacher, the principal and the school seal (as in the LT/LTA stage), extended
 * {@code perRound} times per round. Prints the thread CPU per extension, the result's size and the SHA-256 of its
 * first bytes (the signed original, which an incremental update must keep; the rest differs with every time-stamp
 * token). Arguments: rounds (default 12), extensions per round (default 40). Not a test; see bench/README.
 */
public final class LongTermBenchmark {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        SampleDocuments samples = SampleDocuments.withClassSize(40);
        byte[] pdf = new DocumentRenderer().renderToBytes(samples.transcript(0));
        DevelopmentPki pki = DevelopmentPki.createFresh(Files.createTempDirectory("lta-bench"));
        PadesSigner signer = new PadesSigner(pki.timeStampAuthority(), pki.credentialCheck());
        Instant now = Instant.now();
        SigningCredential homeroom = pki.issue("Trần Thị Hoa", "Giáo viên chủ nhiệm", null);
        SigningCredential principal = pki.issue("Nguyễn Văn An", "Hiệu trưởng", null);
        SigningCredential seal = pki.issue("TRƯỜNG THCS MẪU", "Con dấu", null);
        byte[] signed = signer.sign(pdf, SignatureRequest.inBox(SignerRole.HOMEROOM_TEACHER, now), homeroom);
        signed = signer.sign(signed, SignatureRequest.inBox(SignerRole.PRINCIPAL, now), principal);
        signed = signer.sign(signed, SignatureRequest.inBox(SignerRole.SCHOOL_SEAL, now), seal);
        LongTermExtender extender = new LongTermExtender(pki.timeStampAuthority(), pki.revocationSource());
        System.out.printf("transcript %,d bytes, signed three times %,d bytes%n", pdf.length, signed.length);
        List<Double> perExtension = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            byte[] extended = null;
            for (int i = 0; i < perRound; i++) {
                extended = extender.extendToLta(signed);
            }
            double ms = (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / perRound;
            perExtension.add(ms);
            System.out.printf("round %d: %.3f ms CPU per extension (%,d bytes, prefix sha256 %s)%n", round, ms,
                    extended.length, prefix(extended, signed.length));
        }
        List<Double> sorted = perExtension.subList(2, rounds).stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        System.out.printf("median of rounds 3..%d: %.3f ms CPU per extension%n", rounds, median);
    }

    /** The signed original must stay the prefix of every extension (an incremental update). */
    private static String prefix(byte[] extended, int length) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(extended, 0, length);
        return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    }
}
