package vn.hocba.signing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1Set;

/**
 * Step 1's result: a document with a reserved, still empty signature and the bytes a credential
 * must sign. Immutable; may be kept (e.g. while a remote service asks the user for an OTP) and
 * then passed to {@link PadesSigner#embed}.
 */
public final class DataToSign {

    private final byte[] preparedPdf;
    private final int contentsStart;
    private final int contentsEnd;
    private final ASN1Set signedAttributes;
    private final byte[] encodedAttributes;
    private final List<X509Certificate> chain;

    DataToSign(byte[] preparedPdf, int contentsStart, int contentsEnd, ASN1Set signedAttributes,
               byte[] encodedAttributes, List<X509Certificate> chain) {
        this.preparedPdf = preparedPdf;
        this.contentsStart = contentsStart;
        this.contentsEnd = contentsEnd;
        this.signedAttributes = signedAttributes;
        this.encodedAttributes = encodedAttributes;
        this.chain = List.copyOf(chain);
    }

    /** The DER-encoded CMS signed attributes: the bytes the credential signs. */
    public byte[] bytes() {
        return encodedAttributes.clone();
    }

    /** SHA-256 of {@link #bytes()}: what a remote "sign hash" service receives. */
    public byte[] digest() {
        return sha256(encodedAttributes);
    }

    /** The signer's certificate chain given to {@link PadesSigner#prepare}. */
    public List<X509Certificate> chain() {
        return chain;
    }

    byte[] preparedPdf() {
        return preparedPdf;
    }

    /** Offset of the first hex digit inside {@code /Contents <...>}. */
    int contentsStart() {
        return contentsStart;
    }

    /** Offset of the closing {@code >} of {@code /Contents}. */
    int contentsEnd() {
        return contentsEnd;
    }

    ASN1Set signedAttributes() {
        return signedAttributes;
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
