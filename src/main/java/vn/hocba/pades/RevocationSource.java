package vn.hocba.pades;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Where revocation data comes from: the development PKI's in-process CRL and OCSP responder, or
 * real OCSP responders and CRL distribution points in production ({@link OnlineRevocationSource}).
 * Used before signing (is the signer's certificate revoked?) and by the long-term step (what goes
 * into the {@code /DSS}).
 */
public interface RevocationSource {

    /**
     * Revocation data for {@code certificate} issued by {@code issuer}; empty lists when none is
     * reachable.
     */
    RevocationData revocationData(X509Certificate certificate, X509Certificate issuer);

    /** DER-encoded CRLs and OCSP responses ({@code OCSPResponse}, not only the basic response). */
    record RevocationData(List<byte[]> crls, List<byte[]> ocspResponses) {

        public static RevocationData none() {
            return new RevocationData(List.of(), List.of());
        }

        public boolean isEmpty() {
            return crls.isEmpty() && ocspResponses.isEmpty();
        }
    }
}
