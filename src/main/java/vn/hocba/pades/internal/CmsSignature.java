package vn.hocba.pades.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DLSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerIdentifier;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * The CAdES-detached CMS of a PAdES baseline signature, built directly from ASN.1 so that the
 * signed attributes are exactly the profile's: content-type, message-digest and
 * signing-certificate-v2, and no signing-time (the claimed time is the signature dictionary's /M).
 */
public final class CmsSignature {

    private static final AlgorithmIdentifier SHA256 = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256);

    private CmsSignature() {
    }

    /** The signed attributes for a document whose byte ranges hash to {@code documentDigest}. */
    public static ASN1Set signedAttributes(byte[] documentDigest, X509Certificate signer) {
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(CMSAttributes.contentType, new DERSet(PKCSObjectIdentifiers.data)));
        attributes.add(new Attribute(CMSAttributes.messageDigest, new DERSet(new DEROctetString(documentDigest))));
        attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {essCertId(signer)}))));
        return new DERSet(attributes);
    }

    /** DER encoding of the signed attributes: the bytes the credential signs. */
    public static byte[] encode(ASN1Set signedAttributes) {
        try {
            return signedAttributes.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The complete {@code ContentInfo(SignedData)}; {@code timeStampToken} (may be null) becomes
     * the signature-time-stamp unsigned attribute (PAdES B-T).
     */
    public static byte[] signedData(ASN1Set signedAttributes, byte[] signatureValue, List<X509Certificate> chain,
                                    byte[] timeStampToken) {
        X509Certificate signer = chain.get(0);
        ASN1Set unsigned = timeStampToken == null ? null : new DERSet(new Attribute(
                PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                new DERSet(ContentInfo.getInstance(timeStampToken))));
        SignerInfo signerInfo = new SignerInfo(
                new SignerIdentifier(new IssuerAndSerialNumber(X500Name.getInstance(
                        signer.getIssuerX500Principal().getEncoded()), signer.getSerialNumber())),
                SHA256, signedAttributes, signatureAlgorithm(signer.getPublicKey()),
                new DEROctetString(signatureValue), unsigned);
        ASN1EncodableVector certificates = new ASN1EncodableVector();
        for (X509Certificate c : chain) {
            certificates.add(asn1(c));
        }
        SignedData signedData = new SignedData(new DERSet(SHA256),
                new ContentInfo(CMSObjectIdentifiers.data, null), new DLSet(certificates), null,
                new DERSet(signerInfo));
        try {
            return new ContentInfo(CMSObjectIdentifiers.signedData, signedData).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** sha256WithRSAEncryption or ecdsa-with-SHA256, from the key type. */
    public static AlgorithmIdentifier signatureAlgorithm(PublicKey key) {
        if ("EC".equals(key.getAlgorithm())) {
            return new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
        }
        return new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption,
                org.bouncycastle.asn1.DERNull.INSTANCE);
    }

    private static ESSCertIDv2 essCertId(X509Certificate certificate) {
        GeneralNames issuer = new GeneralNames(new GeneralName(
                X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded())));
        IssuerSerial issuerSerial = new IssuerSerial(issuer, certificate.getSerialNumber());
        return new ESSCertIDv2(sha256(encoded(certificate)), issuerSerial);
    }

    private static ASN1Encodable asn1(X509Certificate certificate) {
        return Certificate.getInstance(encoded(certificate));
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static byte[] sha256(byte[] data) {
        return sha256Digest().digest(data);
    }

    public static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
