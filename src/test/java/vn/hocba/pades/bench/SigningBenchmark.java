package vn.hocba.pades.bench;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.TimestampBinary;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.revocation.ocsp.OCSPSource;
import eu.europa.esig.dss.spi.x509.revocation.ocsp.OCSPToken;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import vn.hocba.pades.LongTermExtender;
import vn.hocba.pades.PadesSigner;
import vn.hocba.pades.SigningChain;
import java.time.Clock;
import vn.hocba.pades.SigningCredential;
import vn.hocba.pades.TestDocuments;
import vn.hocba.pades.devpki.DevelopmentPki;
import vn.hocba.pades.devpki.InProcessRevocation;
import vn.hocba.pades.devpki.InProcessTimeStampAuthority;
import vn.hocba.pades.internal.CmsSignature;

/**
 * Not a test. One transcript through the full chain (homeroom teacher, principal, seal, each B-T;
 * then /DSS and a document time-stamp: B-LTA), measured in one run on the same input, keys and
 * in-process TSA/OCSP for: this module; EU DSS 6.4 {@code PAdESService} doing the same levels;
 * and the raw floor (three RSA-2048 signatures and three time-stamps). Single thread. The two HocBa
 * contenders differ in the most a signature may reserve for its CMS (32 and 16 KiB): since session 23 each
 * signature reserves what its CMS needs (16 KB for these keys once the TSA's first token was seen), so after the
 * warm-up both reserve the same. See {@code bench/README.md}.
 */
public final class SigningBenchmark {

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private SigningBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path dir = Files.createTempDirectory("hocba-bench-pki");
        DevelopmentPki pki = DevelopmentPki.createFresh(dir);
        byte[] input = TestDocuments.transcript();
        List<SigningCredential> signers = List.of(pki.issue("Trần Thị Hoa", "Giáo viên chủ nhiệm", null),
                pki.issue("Lê Văn Nam", "Hiệu trưởng", null), pki.organisation());
        SigningChain chain = SigningChain.of(pki.timeStampAuthority(), pki.revocationSource(), pki.credentialCheck());
        DssChain dss = new DssChain(pki);

        Supplier<Object> ours = () -> chain.signTranscript(input, signers.get(0), signers.get(1), signers.get(2));
        SigningChain chain16 = new SigningChain(new PadesSigner(pki.timeStampAuthority(), pki.credentialCheck(), 16 * 1024),
                new LongTermExtender(pki.timeStampAuthority(), pki.revocationSource(), 16 * 1024), Clock.systemUTC());
        Supplier<Object> ours16 = () -> chain16.signTranscript(input, signers.get(0), signers.get(1), signers.get(2));
        Supplier<Object> theirs = () -> dss.signTranscript(input, signers);
        Supplier<Object> floor = () -> floor(pki.timeStampAuthority(), signers);

        List<Double> ours16Ms = new ArrayList<>();
        List<Double> oursMs = new ArrayList<>();
        List<Double> dssMs = new ArrayList<>();
        List<Double> floorMs = new ArrayList<>();
        measure(ours, 60); // warm-up: let the JIT compile both paths before measuring
        measure(ours16, 60);
        measure(theirs, 15);
        measure(floor, 60);
        for (int round = 0; round < rounds; round++) {
            oursMs.add(measure(ours, 20));
            ours16Ms.add(measure(ours16, 20));
            dssMs.add(measure(theirs, 5));
            floorMs.add(measure(floor, 20));
        }
        double o = median(oursMs);
        double o16 = median(ours16Ms);
        double d = median(dssMs);
        double f = median(floorMs);
        System.out.printf(Locale.ROOT, "rounds=%d (medians of per-round means, ms of CPU time per transcript, one thread)%n", rounds);
        System.out.printf(Locale.ROOT, "hocba, at most 32 KiB: %7.2f ms  = %6.1f transcripts/s  rounds %s%n", o, 1000 / o, oursMs);
        System.out.printf(Locale.ROOT, "hocba, at most 16 KiB: %7.2f ms  = %6.1f transcripts/s  rounds %s%n", o16, 1000 / o16, ours16Ms);
        System.out.printf(Locale.ROOT, "EU DSS 6.4  : %7.2f ms  = %6.1f transcripts/s  rounds %s%n", d, 1000 / d, dssMs);
        System.out.printf(Locale.ROOT, "raw floor   : %7.2f ms  = %6.1f transcripts/s  rounds %s%n", f, 1000 / f, floorMs);
        System.out.printf(Locale.ROOT, "throughput ratio hocba/DSS = %.2fx (at most 16 KiB: %.2fx); hocba time / floor time = %.2fx (at most 16 KiB: %.2fx)%n",
                d / o, d / o16, o / f, o16 / f);
        Files.write(Path.of("target/bench-hocba.pdf"), (byte[]) ours.get());
        Files.write(Path.of("target/bench-dss.pdf"), (byte[]) theirs.get());
    }

    /**
     * Mean milliseconds of this thread's CPU time per call over {@code n} calls: CPU time, not
     * wall time, because the build machine is shared and wall time mostly measures the neighbours.
     */
    private static double measure(Supplier<Object> work, int n) {
        long start = CPU.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            work.get();
        }
        return Math.round((CPU.getCurrentThreadCpuTime() - start) / 1e6 / n * 100) / 100.0;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static Object floor(InProcessTimeStampAuthority tsa, List<SigningCredential> signers) {
        byte[] data = new byte[200];
        for (SigningCredential signer : signers) {
            byte[] value = signer.sign(data);
            tsa.timeStamp(CmsSignature.sha256(value));
        }
        return data;
    }

    /** EU DSS doing the same: three B-T signatures, then extension to B-LTA. */
    static final class DssChain {
        private final PAdESService service;

        DssChain(DevelopmentPki pki) {
            CommonCertificateVerifier verifier = new CommonCertificateVerifier();
            CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
            trusted.addCertificate(new CertificateToken(pki.rootCertificate()));
            verifier.setTrustedCertSources(trusted);
            verifier.setAIASource(null);
            verifier.setCrlSource(null);
            verifier.setOcspSource(ocsp(pki.revocationSource()));
            service = new PAdESService(verifier);
            InProcessTimeStampAuthority tsa = pki.timeStampAuthority();
            service.setTspSource((TSPSource) (algorithm, digest) -> new TimestampBinary(tsa.timeStamp(algorithm.getOid(), digest)));
        }

        byte[] signTranscript(byte[] pdf, List<SigningCredential> signers) {
            DSSDocument document = new InMemoryDocument(pdf);
            for (SigningCredential signer : signers) {
                PAdESSignatureParameters parameters = new PAdESSignatureParameters();
                parameters.setSignatureLevel(SignatureLevel.PAdES_BASELINE_T);
                parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
                parameters.setSigningCertificate(new CertificateToken(signer.certificate()));
                parameters.setCertificateChain(signer.certificateChain().stream().map(CertificateToken::new).toList());
                parameters.setContentSize(32 * 1024);
                ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
                SignatureValue value = new SignatureValue(SignatureAlgorithm.RSA_SHA256, signer.sign(toBeSigned.getBytes()));
                document = service.signDocument(document, parameters, value);
            }
            PAdESSignatureParameters extension = new PAdESSignatureParameters();
            extension.setSignatureLevel(SignatureLevel.PAdES_BASELINE_LTA);
            extension.setContentSize(32 * 1024);
            document = service.extendDocument(document, extension);
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                document.writeTo(out);
                return out.toByteArray();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private static OCSPSource ocsp(InProcessRevocation revocation) {
            return (OCSPSource) (certificate, issuer) -> {
                try {
                    BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(revocation.ocsp(certificate.getCertificate()))
                            .getResponseObject();
                    return new OCSPToken(basic, basic.getResponses()[0], certificate, issuer);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
        }
    }

}
