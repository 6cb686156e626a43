package vn.hocba.pades;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * An RFC 3161 time-stamping authority: the in-process one of the development PKI, or a real TSA
 * over HTTP ({@link HttpTimeStampSource}) in production.
 */
public interface TimeStampSource {

    /**
     * Time-stamps a SHA-256 digest and returns the DER-encoded time-stamp token (a CMS
     * {@code ContentInfo}) with the TSA's certificate inside.
     */
    byte[] timeStamp(byte[] sha256Digest);

    /**
     * The TSA's certificate chain, TSA first, so that the long-term step can put its revocation
     * data into the {@code /DSS} before the document time-stamp is made.
     */
    List<X509Certificate> certificateChain();
}
