package vn.hocba.pades;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads "is it revoked, and since when" out of CRLs and OCSP responses whose signature verifies
 * with the issuer's key. Unreachable or unreadable data counts as "not known to be revoked": the
 * profile asks for revocation checks "when reachable".
 */
final class RevocationStatusReader {

    private static final Logger log = LoggerFactory.getLogger(RevocationStatusReader.class);

    private final RevocationSource source;
    private final Map<X509Certificate, Read> read = new ConcurrentHashMap<>();

    RevocationStatusReader(RevocationSource source) {
        this.source = source;
    }

    Optional<Instant> revokedAt(X509Certificate certificate, X509Certificate issuer) {
        if (source == null) {
            return Optional.empty();
        }
        RevocationSource.RevocationData data;
        try {
            data = source.revocationData(certificate, issuer);
        } catch (RuntimeException e) {
            log.warn("Revocation data for {} unreachable: {}", certificate.getSubjectX500Principal(), e.toString());
            return Optional.empty();
        }
        Read previous = read.get(certificate);
        if (previous != null && previous.sameAnswer(data, issuer)) {
            return previous.revokedAt(); // the same responses as last time: parsed and verified once
        }
        Optional<Instant> revokedAt = readStatus(data, certificate, issuer);
        read.put(certificate, new Read(data, issuer, revokedAt));
        return revokedAt;
    }

    /** What was read from one answer of the source (its responses are compared by identity). */
    private record Read(RevocationSource.RevocationData data, X509Certificate issuer, Optional<Instant> revokedAt) {

        boolean sameAnswer(RevocationSource.RevocationData other, X509Certificate otherIssuer) {
            return issuer.equals(otherIssuer) && identical(data.ocspResponses(), other.ocspResponses())
                    && identical(data.crls(), other.crls());
        }

        private static boolean identical(List<byte[]> a, List<byte[]> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i) != b.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static Optional<Instant> readStatus(RevocationSource.RevocationData data, X509Certificate certificate,
                                                X509Certificate issuer) {
        for (byte[] ocsp : data.ocspResponses()) {
            Optional<Instant> revoked = fromOcsp(ocsp, certificate, issuer);
            if (revoked.isPresent()) {
                return revoked;
            }
        }
        for (byte[] crl : data.crls()) {
            Optional<Instant> revoked = fromCrl(crl, certificate, issuer);
            if (revoked.isPresent()) {
                return revoked;
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> fromOcsp(byte[] encoded, X509Certificate certificate, X509Certificate issuer) {
        try {
            BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(encoded).getResponseObject();
            if (!signedByIssuerOrItsResponder(basic, issuer)) {
                log.warn("OCSP response for {} not signed by its issuer; ignored", certificate.getSubjectX500Principal());
                return Optional.empty();
            }
            for (SingleResp single : basic.getResponses()) {
                if (single.getCertID().getSerialNumber().equals(certificate.getSerialNumber())
                        && single.getCertStatus() instanceof RevokedStatus revoked) {
                    return Optional.of(revoked.getRevocationTime().toInstant());
                }
            }
        } catch (Exception e) {
            log.warn("Unreadable OCSP response for {}: {}", certificate.getSubjectX500Principal(), e.toString());
        }
        return Optional.empty();
    }

    /** RFC 6960 §4.2.2.2: signed by the issuer itself, or by a responder the issuer delegated to. */
    private static boolean signedByIssuerOrItsResponder(BasicOCSPResp basic, X509Certificate issuer) throws Exception {
        if (basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer.getPublicKey()))) {
            return true;
        }
        for (var holder : basic.getCerts()) {
            X509Certificate responder = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(holder);
            boolean delegated = responder.getExtendedKeyUsage() != null
                    && responder.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.9"); // id-kp-OCSPSigning
            if (delegated && responder.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                responder.verify(issuer.getPublicKey());
                if (basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(responder.getPublicKey()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Optional<Instant> fromCrl(byte[] encoded, X509Certificate certificate, X509Certificate issuer) {
        try {
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(encoded));
            crl.verify(issuer.getPublicKey());
            X509CRLEntry entry = crl.getRevokedCertificate(certificate);
            return entry == null ? Optional.empty() : Optional.of(entry.getRevocationDate().toInstant());
        } catch (Exception e) {
            log.warn("Unreadable CRL for {}: {}", certificate.getSubjectX500Principal(), e.toString());
            return Optional.empty();
        }
    }
}
