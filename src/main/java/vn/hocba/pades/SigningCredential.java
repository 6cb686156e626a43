package vn.hocba.pades;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * "Sign these bytes with this credential": the one interface behind every key source (PKCS#12
 * file, PKCS#11 token or HSM, remote signing service). The bytes are the DER encoding of the CMS
 * signed attributes ({@link DataToSign#bytes()}); the implementation hashes them with SHA-256 and
 * signs ({@code SHA256withRSA} or {@code SHA256withECDSA}).
 */
public interface SigningCredential {

    /** The signer's certificate: the first of its chain. */
    default X509Certificate certificate() {
        return certificateChain().get(0);
    }

    /** The signer's certificate first, then its issuers (the root may be omitted). */
    List<X509Certificate> certificateChain();

    /** Signs {@code dataToSign} and returns the raw signature value. */
    byte[] sign(byte[] dataToSign);

    /**
     * Whether {@link #sign} may be called from several threads at once (a signing step then signs its records on
     * every core). False unless the credential says so: a token, an HSM, a remote service or the person's device
     * signs one value after another on its side, in the order asked.
     */
    default boolean signsConcurrently() {
        return false;
    }

    /** The holder's name as shown on stamps and reports (the certificate's common name). */
    default String holderName() {
        return CertificateNames.commonName(certificate());
    }
}
