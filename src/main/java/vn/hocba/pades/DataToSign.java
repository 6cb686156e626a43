package vn.hocba.pades;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1Set;
import vn.hocba.pades.internal.IncrementalWriter;

/**
 * Step 1's result: a document with a reserved, still empty signature and the bytes a credential
 * must sign. Immutable; may be kept (e.g. while a remote service asks the user for an OTP) and
 * then passed to {@link PadesSigner#embed}.
 */
public final class DataToSign {

    private final IncrementalWriter.Reserved reserved;
    private final ASN1Set signedAttributes;
    private final byte[] encodedAttributes;
    private final List<X509Certificate> chain;

    DataToSign(IncrementalWriter.Reserved reserved, ASN1Set signedAttributes, byte[] encodedAttributes,
               List<X509Certificate> chain) {
        this.reserved = reserved;
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

    /** The prepared document with its empty reserved {@code /Contents}. */
    IncrementalWriter.Reserved reserved() {
        return reserved;
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
