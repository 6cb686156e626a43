package vn.hocba.pades.devpki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
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

/**
 * The development PKI's RFC 3161 time-stamping authority, answering in-process exactly as a TSA
 * answers over HTTP ({@link #respond}: DER request in, DER response out). Not for production: its
 * clock is the server's clock, which nobody audits.
 */
public final class InProcessTimeStampAuthority implements TimeStampSource {

    /** The development TSA policy (an OID from the UUID arc 2.25, no registration needed). */
    static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("2.25.196247313838931846563178043657432104583");

    private final List<X509Certificate> chain;
    private final AtomicLong serial = new AtomicLong(System.currentTimeMillis());
    private final SecureRandom random = new SecureRandom();
    /**
     * Built once (key, certificates, policy); its signer is not thread-safe, so tokens are made one at a time
     * (locked on {@code tokens}, which {@code responses} uses too).
     */
    private final TimeStampTokenGenerator tokens;
    private final TimeStampResponseGenerator responses;

    InProcessTimeStampAuthority(PrivateKey key, List<X509Certificate> chain) {
        this.chain = List.copyOf(chain);
        try {
            DigestCalculator sha256 = new JcaDigestCalculatorProviderBuilder().build()
                    .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
            SignerInfoGenerator signer = new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", key,
                    this.chain.get(0));
            this.tokens = new TimeStampTokenGenerator(signer, sha256, POLICY);
            tokens.addCertificates(new JcaCertStore(this.chain));
            this.responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up the development time-stamping authority", e);
        }
    }

    @Override
    public byte[] timeStamp(byte[] sha256Digest) {
        return timeStamp(TSPAlgorithms.SHA256.getId(), sha256Digest);
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
            TimeStampToken token;
            synchronized (tokens) {
                token = tokens.generate(request, BigInteger.valueOf(serial.incrementAndGet()), new Date());
            }
            return token.getEncoded();
        } catch (Exception e) {
            throw new SigningException("Dịch vụ dấu thời gian nội bộ không trả lời được: " + e.getMessage(), e);
        }
    }

    /** Answers one DER-encoded {@code TimeStampReq} with a DER-encoded {@code TimeStampResp}. */
    public byte[] respond(byte[] encodedRequest) throws IOException {
        try {
            TimeStampRequest request = new TimeStampRequest(encodedRequest);
            TimeStampResponse response;
            synchronized (tokens) {
                response = responses.generateGrantedResponse(request, BigInteger.valueOf(serial.incrementAndGet()),
                        new Date());
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
}
