package vn.hocba.pades;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.util.CollectionStore;
import vn.hocba.pades.internal.LargestToken;

/**
 * A TSA as a signer meets it for the first time, whose tokens may carry more certificates than the development
 * TSA's (a real TSA sending a long chain): the development TSA's tokens with {@link #carrying} certificates added
 * to their certificate set, which the token's signature does not cover, so they stay valid tokens.
 */
final class PaddedTimeStamps implements TimeStampSource {

    private final TimeStampSource tsa;
    private final LargestToken largest = new LargestToken();
    private volatile List<X509Certificate> extra = List.of();

    PaddedTimeStamps(TimeStampSource tsa) {
        this.tsa = tsa;
    }

    /** From now on every token carries {@code certificates} too. */
    PaddedTimeStamps carrying(List<X509Certificate> certificates) {
        extra = List.copyOf(certificates);
        return this;
    }

    @Override
    public byte[] timeStamp(byte[] sha256Digest) {
        byte[] token = tsa.timeStamp(sha256Digest);
        return largest.noted(extra.isEmpty() ? token : padded(token));
    }

    @Override
    public List<X509Certificate> certificateChain() {
        return tsa.certificateChain();
    }

    @Override
    public OptionalInt largestTokenSize() {
        return largest.size();
    }

    @SuppressWarnings("unchecked")
    private byte[] padded(byte[] token) {
        try {
            CMSSignedData signed = new CMSSignedData(token);
            List<X509CertificateHolder> all = new ArrayList<>(signed.getCertificates().getMatches(null));
            for (X509Certificate certificate : extra) {
                all.add(new X509CertificateHolder(certificate.getEncoded()));
            }
            return CMSSignedData.replaceCertificatesAndCRLs(signed, new CollectionStore<>(all), null, null)
                    .toASN1Structure().getEncoded(ASN1Encoding.DER);
        } catch (CMSException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
