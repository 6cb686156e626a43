package vn.hocba.pades.internal;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import vn.hocba.pades.SigningException;

/**
 * How many bytes a signature's {@code /Contents} reserves: the smallest size of the profile (16 KB,
 * docs/signing.md "16–32 KB") that holds a conservative estimate of the CMS, at most the configured
 * {@code maximum}. The reservation is written before the signature value and the time-stamp token exist, and a
 * person's signature covers it: a reservation too small for the CMS means asking the person again, so the estimate
 * is never tight. What is known is encoded exactly (certificates, signed attributes, the longest signature value
 * the key can give); the time-stamp token still to come is taken as the largest the TSA returned so far plus a
 * margin, and as the maximum itself while no token was seen. (Every signature reserved 32 KB before, several
 * times what a CMS with the development PKI needs; each later load, hash, copy and deflate of the document paid
 * for the unused hex zeros.)
 */
public final class ContentsReservation {

    /** The profile's smallest reservation. */
    public static final int MINIMUM = 16 * 1024;
    /** The profile's largest reservation, and the default maximum. */
    public static final int LARGEST = 32 * 1024;
    /**
     * Added to the largest token seen. One TSA's tokens differ by a few bytes (serial number, nonce, precision of
     * the time); this also covers a TSA's other address sending one more certificate, or a 4096-bit key where the
     * first had 2048 bits, twice over.
     */
    static final int TOKEN_MARGIN = 4 * 1024;
    /** What the estimate does not encode: the unsigned attribute around the token, longer length octets. */
    static final int STRUCTURE_MARGIN = 256;
    /** A signature value of a key type not known here (RSA-8192 would be 1,024 bytes). */
    static final int UNKNOWN_SIGNATURE_VALUE = 1024;
    /** Reservations are whole KiB. */
    private static final int STEP = 1024;

    /** Chains whose CMS size is kept: the signers of the batches running at once, with room to spare. */
    static final int KEPT_CHAINS = 16;

    private final int maximum;
    /**
     * The encoded size of a CMS without its token, by signer chain: encoding a whole CMS for the estimate was 1.5 %
     * of the homeroom..LT/LTA stages in a profile of the whole-school benchmark, for the same size 40 times a batch.
     * Certificates compare by their encoding, and the size depends on nothing else (the signed attributes' size does
     * not depend on the digest, the value is the longest the key can give).
     */
    private final Map<List<X509Certificate>, Integer> unstamped = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<X509Certificate>, Integer> eldest) {
            return size() > KEPT_CHAINS;
        }
    };

    /** @param maximum the most bytes one CMS may reserve ({@code hocba.signing.reserved-signature-size}) */
    public ContentsReservation(int maximum) {
        if (maximum <= 0) {
            throw new IllegalArgumentException("reserved size " + maximum);
        }
        this.maximum = maximum;
    }

    public int maximum() {
        return maximum;
    }

    /**
     * For the CMS of a signature by {@code chain}'s first certificate, with the whole chain embedded and a signature
     * time-stamp when {@code timeStamped}; {@code largestToken} as {@link LargestToken#size()}.
     */
    public int forSignature(List<X509Certificate> chain, boolean timeStamped, OptionalInt largestToken) {
        if (timeStamped && largestToken.isEmpty()) {
            return maximum;
        }
        List<X509Certificate> key = List.copyOf(chain);
        Integer cms;
        synchronized (unstamped) {
            cms = unstamped.get(key);
        }
        if (cms == null) {
            cms = unstampedSize(key);
            synchronized (unstamped) {
                unstamped.put(key, cms);
            }
        }
        int token = timeStamped ? largestToken.getAsInt() + TOKEN_MARGIN : 0;
        return within(cms + token + STRUCTURE_MARGIN);
    }

    private static int unstampedSize(List<X509Certificate> chain) {
        byte[] anyDigest = new byte[32]; // the attributes' size does not depend on the digest's value
        return CmsSignature.signedData(CmsSignature.signedAttributes(anyDigest, chain.get(0)),
                new byte[longestSignatureValue(chain.get(0).getPublicKey())], chain, null).length;
    }

    /** For a document time-stamp: the token is the whole CMS. */
    public int forDocumentTimeStamp(OptionalInt largestToken) {
        if (largestToken.isEmpty()) {
            return maximum;
        }
        return within(largestToken.getAsInt() + TOKEN_MARGIN + STRUCTURE_MARGIN);
    }

    /**
     * Writes {@code cms} into the reserved space, refusing (in Vietnamese, {@code what} names it) when it does not
     * fit: nothing is written. Below the maximum the reservation was the estimate, so the token just returned was
     * larger than every one before it (plus the margin); it is counted now, and the next attempt reserves room for it.
     */
    public byte[] fill(IncrementalWriter.Reserved reserved, byte[] cms, String what) {
        if (cms.length > reserved.capacity()) {
            String tooLarge = what + " (" + cms.length + " byte) vượt quá chỗ dành sẵn (" + reserved.capacity() + " byte)";
            throw new SigningException(reserved.capacity() < maximum
                    ? tooLarge + ": dấu thời gian lần này lớn hơn mọi lần trước. Văn bản chưa được ký; hãy ký lại, lần sau "
                            + "chỗ dành sẵn tính theo dấu thời gian lớn nhất đã nhận (tối đa " + maximum + " byte, "
                            + "hocba.signing.reserved-signature-size)."
                    : tooLarge + "; hãy báo quản trị hệ thống tăng hocba.signing.reserved-signature-size.");
        }
        return reserved.withContents(cms);
    }

    private int within(int estimate) {
        int rounded = (estimate + STEP - 1) / STEP * STEP;
        return Math.min(maximum, Math.max(MINIMUM, rounded));
    }

    /** RSA (PKCS#1 v1.5): the modulus' length; ECDSA: the DER SEQUENCE of two INTEGERs of the order's length. */
    static int longestSignatureValue(PublicKey key) {
        if (key instanceof RSAKey rsa) {
            return (rsa.getModulus().bitLength() + 7) / 8;
        }
        if (key instanceof ECKey ec) {
            int n = (ec.getParams().getOrder().bitLength() + 7) / 8;
            return 2 * (n + 3) + 3; // each INTEGER: tag, up to 2 length octets, a leading zero; the SEQUENCE's header
        }
        return UNKNOWN_SIGNATURE_VALUE;
    }
}
