package vn.hocba.pades.devpki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import vn.hocba.pades.RevocationSource;

/**
 * The development PKI's revocation service, in-process: OCSP responses and a CRL, both signed by
 * the root (which issued every certificate). Revocations are kept in {@code revoked.txt} so they
 * survive a restart. Like a real responder that pre-produces its answers, a response is reused
 * for {@link #REUSE} (and dropped at once when a certificate is revoked).
 */
public final class InProcessRevocation implements RevocationSource {

    private final X509Certificate root;
    private final PrivateKey rootKey;
    private final Path revokedFile;
    /** How long a produced OCSP response or CRL is handed out again. */
    static final Duration REUSE = Duration.ofMinutes(5);

    private final Map<BigInteger, Instant> revoked = new ConcurrentHashMap<>();
    private final Map<BigInteger, Produced> ocspCache = new ConcurrentHashMap<>();
    private volatile Produced crlCache;

    private record Produced(byte[] encoded, Instant at) {
        boolean fresh() {
            return at.plus(REUSE).isAfter(Instant.now());
        }
    }

    InProcessRevocation(X509Certificate root, PrivateKey rootKey, Path revokedFile) {
        this.root = root;
        this.rootKey = rootKey;
        this.revokedFile = revokedFile;
        load();
    }

    /** Revokes {@code certificate} now (key compromise); later OCSP responses and CRLs say so. */
    public synchronized void revoke(X509Certificate certificate) {
        Instant now = Instant.now();
        revoked.put(certificate.getSerialNumber(), now);
        ocspCache.remove(certificate.getSerialNumber());
        crlCache = null;
        try {
            Files.writeString(revokedFile, certificate.getSerialNumber().toString(16) + " " + now + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public RevocationData revocationData(X509Certificate certificate, X509Certificate issuer) {
        if (!issuer.equals(root)) {
            return RevocationData.none();
        }
        Produced crl = crlCache;
        if (crl == null || !crl.fresh()) {
            crl = new Produced(crl(), Instant.now());
            crlCache = crl;
        }
        Produced ocsp = ocspCache.get(certificate.getSerialNumber());
        if (ocsp == null || !ocsp.fresh()) {
            ocsp = new Produced(ocsp(certificate), Instant.now());
            ocspCache.put(certificate.getSerialNumber(), ocsp);
        }
        return new RevocationData(List.of(crl.encoded()), List.of(ocsp.encoded()));
    }

    /** The root's current CRL, valid for seven days. */
    public byte[] crl() {
        try {
            Instant now = Instant.now();
            X509v2CRLBuilder builder = new X509v2CRLBuilder(X500Name.getInstance(root.getSubjectX500Principal().getEncoded()),
                    Date.from(now));
            builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(7))));
            revoked.forEach((serial, when) -> builder.addCRLEntry(serial, Date.from(when), CRLReason.keyCompromise));
            return builder.build(signer()).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the development CRL", e);
        }
    }

    /** A fresh OCSP response about {@code certificate}, signed by the root. */
    public byte[] ocsp(X509Certificate certificate) {
        return ocsp(certificate.getSerialNumber());
    }

    /**
     * Answers one DER-encoded OCSP request (RFC 6960) with a DER-encoded response, as the root's
     * responder would over HTTP; the certificate is identified by its serial number.
     */
    public byte[] respond(byte[] encodedOcspRequest) throws IOException {
        Req[] requests = new OCSPReq(encodedOcspRequest).getRequestList();
        if (requests.length != 1) {
            throw new IOException("one certificate per OCSP request, not " + requests.length);
        }
        return ocsp(requests[0].getCertID().getSerialNumber());
    }

    private byte[] ocsp(BigInteger serial) {
        try {
            X509CertificateHolder issuer = new JcaX509CertificateHolder(root);
            CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                    .get(CertificateID.HASH_SHA1), issuer, serial);
            Instant when = revoked.get(serial);
            CertificateStatus status = when == null ? CertificateStatus.GOOD
                    : new RevokedStatus(Date.from(when), CRLReason.keyCompromise);
            Instant now = Instant.now();
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(issuer.getSubject()));
            builder.addResponse(id, status, Date.from(now), Date.from(now.plus(Duration.ofDays(1))), null);
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL,
                    builder.build(signer(), null, Date.from(now))).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the development OCSP response", e);
        }
    }

    private ContentSigner signer() throws Exception {
        return new JcaContentSignerBuilder("SHA256withRSA").build(rootKey);
    }

    private void load() {
        if (!Files.exists(revokedFile)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(revokedFile, StandardCharsets.UTF_8)) {
                String[] parts = line.trim().split(" ");
                if (parts.length == 2) {
                    revoked.put(new BigInteger(parts[0], 16), Instant.parse(parts[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
