package vn.hocba.pades.devpki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.OptionalInt;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import vn.hocba.pades.SigningException;
import vn.hocba.pades.TimeStampSource;
import vn.hocba.pades.internal.LargestToken;

/**
 * The development PKI's RFC 3161 time-stamping authority, answering in-process exactly as a TSA
 * answers over HTTP ({@link #respond}: DER request in, DER response out). Not for production: its
 * clock is the server's clock, which nobody audits.
 */
public final class InProcessTimeStampAuthority implements TimeStampSource {

    /** The development TSA policy (an OID from the UUID arc 2.25, no registration needed). */
    static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("2.25.196247313838931846563178043657432104583");

    private final List<X509Certificate> chain;
    private final PrivateKey key;
    private final AtomicLong serial = new AtomicLong(System.currentTimeMillis());
    private final SecureRandom random = new SecureRandom();
    /**
     * Token generators not in use. A generator's signer is not thread-safe, so each caller takes one of its own
     * for one token and gives it back: as many are made as callers ever stamp at the same moment (the threads of a
     * signing step, a few requests), instead of one token at a time for the whole server. The serial numbers stay
     * unique ({@code serial}), every generator has the same key, certificates and policy.
     */
    private final Queue<Generators> idle = new ConcurrentLinkedQueue<>();
    private final LargestToken largest = new LargestToken();

    /** A token generator with its own signer, and the response generator of the wire around it. */
    private record Generators(TimeStampTokenGenerator tokens, TimeStampResponseGenerator responses) {
    }

    InProcessTimeStampAuthority(PrivateKey key, List<X509Certificate> chain) {
        this.chain = List.copyOf(chain);
        this.key = key;
        idle.add(newGenerators()); // fails here, at start, if the key or certificates cannot sign tokens
    }

    private Generators newGenerators() {
        try {
            DigestCalculator sha256 = new JcaDigestCalculatorProviderBuilder().build()
                    .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
            SignerInfoGenerator signer = new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", key,
                    this.chain.get(0));
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(signer, sha256, POLICY);
            tokens.addCertificates(new JcaCertStore(this.chain));
            return new Generators(tokens, new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED));
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up the development time-stamping authority", e);
        }
    }

    /** A generator no other caller is using until {@link #release}. */
    private Generators take() {
        Generators free = idle.poll();
        return free != null ? free : newGenerators();
    }

    private void release(Generators generators) {
        idle.add(generators);
    }

    @Override
    public byte[] timeStamp(byte[] sha256Digest) {
        return timeStamp(TSPAlgorithms.SHA256.getId(), sha256Digest);
    }

    /**
     * Computed here (an RSA signature each), so spread over the cores as the records' own work is: the caller and the
     * common pool's workers, tokens in order.
     */
    @Override
    public List<byte[]> timeStampAll(List<byte[]> sha256Digests) {
        return sha256Digests.parallelStream().map(this::timeStamp).toList();
    }

    /**
     * Time-stamps a digest made with the algorithm {@code digestOid} (SHA-256, SHA-384, SHA-512...): the same
     * request (certificate requested, a random nonce) and token as {@link #respond} gives, without encoding the
     * request and the response and parsing them again on each side (in-process there is no wire; that was about
     * 5 % of a subject sheet's request, where every record and slot is time-stamped).
     */
    public byte[] timeStamp(String digestOid, byte[] digest) {
        try {
            TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
            requests.setCertReq(true);
            TimeStampRequest request = requests.generate(new ASN1ObjectIdentifier(digestOid), digest,
                    BigInteger.valueOf(random.nextLong()));
            request.validate(TSPAlgorithms.ALLOWED, null, null); // what the response generator checks
            Generators generators = take();
            TimeStampToken token;
            try {
                token = generators.tokens().generate(request, BigInteger.valueOf(serial.incrementAndGet()), new Date());
            } finally {
                release(generators);
            }
            return largest.noted(token.getEncoded());
        } catch (Exception e) {
            throw new SigningException("Dịch vụ dấu thời gian nội bộ không trả lời được: " + e.getMessage(), e);
        }
    }

    /** Answers one DER-encoded {@code TimeStampReq} with a DER-encoded {@code TimeStampResp}. */
    public byte[] respond(byte[] encodedRequest) throws IOException {
        try {
            TimeStampRequest request = new TimeStampRequest(encodedRequest);
            TimeStampResponse response;
            Generators generators = take();
            try {
                response = generators.responses().generateGrantedResponse(request,
                        BigInteger.valueOf(serial.incrementAndGet()), new Date());
            } finally {
                release(generators);
            }
            return response.getEncoded();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot answer the time-stamp request", e);
        }
    }

    @Override
    public List<X509Certificate> certificateChain() {
        return chain;
    }

    /** Of the tokens {@link #timeStamp} returned ({@link #respond}'s go to another process). */
    @Override
    public OptionalInt largestTokenSize() {
        return largest.size();
    }
}
