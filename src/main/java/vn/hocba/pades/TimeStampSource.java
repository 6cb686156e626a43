package vn.hocba.pades;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.OptionalInt;

/**
 * An RFC 3161 time-stamping authority: the in-process one of the development PKI, or a real TSA
 * over HTTP ({@link HttpTimeStampSource}) in production.
 */
public interface TimeStampSource {

    /**
     * Documents a step signs or extends, then time-stamps together ({@link #timeStampAll}), then writes, at a time
     * ({@link BatchSigner}, the long-term extension of a class): a TSA over the internet answers the chunk in about one
     * round trip ({@link HttpTimeStampSource#REQUESTS_AT_ONCE}); few enough that the chunk's documents in memory and a
     * progress bar that moves stay as they were.
     */
    int STAMPED_TOGETHER = 8;

    /**
     * Time-stamps a SHA-256 digest and returns the DER-encoded time-stamp token (a CMS
     * {@code ContentInfo}) with the TSA's certificate inside.
     */
    byte[] timeStamp(byte[] sha256Digest);

    /**
     * Time-stamps each of {@code sha256Digests} as {@link #timeStamp} does; the tokens in the same order. A step
     * that signs a class's records asks for all of theirs at once: one after the other here, together where that is
     * faster (a TSA over the internet is mostly waited for, {@link HttpTimeStampSource}). A failure is thrown as
     * {@link #timeStamp} throws it, and then no token is returned.
     */
    default List<byte[]> timeStampAll(List<byte[]> sha256Digests) {
        return sha256Digests.stream().map(this::timeStamp).toList();
    }

    /**
     * The TSA's certificate chain, TSA first, so that the long-term step can put its revocation
     * data into the {@code /DSS} before the document time-stamp is made.
     */
    List<X509Certificate> certificateChain();

    /**
     * The size in bytes of the largest token this source has returned so far, empty before the first: a signature
     * reserves room for its token before the token exists ({@link PadesSigner}, {@link LongTermExtender}), and
     * reserves the most it may while this is empty.
     */
    default OptionalInt largestTokenSize() {
        return OptionalInt.empty();
    }
}
