package vn.hocba.audit.checkpoint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.GeneralSecurityException;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Selector;
import vn.hocba.pades.SigningCredential;
import vn.hocba.pades.TimeStampSource;

/**
 * Signs and checks a checkpoint's JSON so that anyone can verify it without HocBa:
 * {@code checkpoint.json.p7s} is a CMS detached signature (CAdES-BASELINE-T: content-type,
 * message-digest, signing-time and signing-certificate-v2 signed; an RFC 3161 signature time-stamp
 * unsigned) by the school seal, {@code checkpoint.json.tst} an RFC 3161 time-stamp token over the JSON
 * itself ({@code openssl cms -verify} and {@code openssl ts -verify}; EU DSS for CAdES).
 */
public final class CheckpointSignature {

    private CheckpointSignature() {
    }

    /** The signature, the time-stamp token of the JSON, and the time that token certifies. */
    public record Signed(byte[] signature, byte[] timeStamp, Instant time) {
    }

    /** A checkpoint whose signature and time-stamps hold: when it was stamped and who sealed it. */
    public record Checked(Instant time, X509Certificate signer) {
    }

    /** Why a checkpoint's files cannot be trusted (in Vietnamese). */
    public static final class Refused extends Exception {
        Refused(String reason) {
            super(reason);
        }

        Refused(String reason, Throwable cause) {
            super(reason + ": " + cause.getMessage(), cause);
        }
    }

    public static Signed sign(byte[] json, SigningCredential seal, TimeStampSource timeStamps) {
        try {
            X509Certificate certificate = seal.certificate();
            var signerInfo = new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(
                            new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {essCertId(certificate)}))))))
                    .build(new CredentialSigner(seal), certificate);
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(signerInfo);
            generator.addCertificates(new JcaCertStore(seal.certificateChain()));
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(json), false);
            SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
            byte[] signatureStamp = timeStamps.timeStamp(sha256(signer.getSignature()));
            signer = SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(new Attribute(
                    PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                    new DERSet(ContentInfo.getInstance(ASN1Primitive.fromByteArray(signatureStamp))))));
            signed = CMSSignedData.replaceSigners(signed, new SignerInformationStore(signer));
            byte[] contentStamp = timeStamps.timeStamp(sha256(json));
            Instant time = token(contentStamp).getTimeStampInfo().getGenTime().toInstant();
            return new Signed(signed.getEncoded(ASN1Encoding.DER), contentStamp, time);
        } catch (IOException | GeneralSecurityException | CMSException | OperatorCreationException | TSPException e) {
            throw new IllegalStateException("cannot sign the audit checkpoint: " + e.getMessage(), e);
        }
    }

    /**
     * Checks that {@code signature} is a valid signature of {@code json} by a certificate named like
     * {@code seal} (the school's seal; a renewed one keeps the name) issued under one of
     * {@code trustAnchors}, with a valid signature time-stamp, and that {@code timeStamp} is a valid
     * time-stamp of {@code json}; both time-stamps from a TSA under the trust anchors.
     */
    public static Checked verify(byte[] json, byte[] signature, byte[] timeStamp, X509Certificate seal,
            List<X509Certificate> trustAnchors) throws Refused {
        SignerInformation signer;
        X509Certificate signerCertificate;
        Collection<X509Certificate> certificates;
        try {
            CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(json), signature);
            if (signed.getSignerInfos().size() != 1) {
                throw new Refused("tệp chữ ký phải có đúng một chữ ký");
            }
            signer = signed.getSignerInfos().getSigners().iterator().next();
            certificates = certificates(signed.getCertificates().getMatches(null));
            signerCertificate = certificate(signed.getCertificates().getMatches(asSelector(signer.getSID())));
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(signerCertificate))) {
                throw new Refused("chữ ký không khớp với nội dung tệp JSON");
            }
        } catch (CMSException | OperatorCreationException | GeneralSecurityException e) {
            throw new Refused("chữ ký không hợp lệ hoặc không khớp với nội dung tệp JSON", e);
        }
        if (!signerCertificate.getSubjectX500Principal().equals(seal.getSubjectX500Principal())) {
            throw new Refused("ký bởi «" + signerCertificate.getSubjectX500Principal().getName()
                    + "», không phải chứng thư con dấu của trường");
        }
        Attribute stamp = signer.getUnsignedAttributes() == null ? null
                : signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (stamp == null) {
            throw new Refused("chữ ký không có dấu thời gian");
        }
        TimeStampToken signatureStamp;
        try {
            signatureStamp = new TimeStampToken(ContentInfo.getInstance(stamp.getAttrValues().getObjectAt(0)));
        } catch (IOException | TSPException | RuntimeException e) {
            throw new Refused("dấu thời gian của chữ ký không đọc được", e);
        }
        Instant time = checkStamp(signatureStamp, sha256(signer.getSignature()), trustAnchors, "của chữ ký");
        requireChain(signerCertificate, certificates, trustAnchors, time, "chứng thư con dấu");
        try {
            checkStamp(token(timeStamp), sha256(json), trustAnchors, "của tệp JSON (" + CheckpointFiles.TIME_STAMP + ")");
        } catch (IOException | TSPException | CMSException | RuntimeException e) {
            throw new Refused("dấu thời gian " + CheckpointFiles.TIME_STAMP + " không đọc được", e);
        }
        return new Checked(time, signerCertificate);
    }

    private static Instant checkStamp(TimeStampToken token, byte[] expectedDigest, List<X509Certificate> anchors,
            String what) throws Refused {
        try {
            X509Certificate tsa = certificate(token.getCertificates().getMatches(asSelector(token.getSID())));
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa));
            if (!token.getTimeStampInfo().getMessageImprintAlgOID().equals(TSPAlgorithms.SHA256)
                    || !Arrays.equals(token.getTimeStampInfo().getMessageImprintDigest(), expectedDigest)) {
                throw new Refused("dấu thời gian " + what + " không khớp với nội dung được đóng dấu");
            }
            Instant time = token.getTimeStampInfo().getGenTime().toInstant();
            requireChain(tsa, certificates(token.getCertificates().getMatches(null)), anchors, time, "chứng thư TSA");
            return time;
        } catch (TSPException | OperatorCreationException | GeneralSecurityException e) {
            throw new Refused("dấu thời gian " + what + " không hợp lệ", e);
        }
    }

    /** PKIX path to a trust anchor at {@code time} (revocation is not checked offline). */
    private static void requireChain(X509Certificate certificate, Collection<X509Certificate> others,
            List<X509Certificate> anchors, Instant time, String what) throws Refused {
        try {
            Set<TrustAnchor> trust = new HashSet<>();
            anchors.forEach(a -> trust.add(new TrustAnchor(a, null)));
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(certificate);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(trust, target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(time));
            List<X509Certificate> all = new ArrayList<>(others);
            all.add(certificate);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(all)));
            CertPathBuilder.getInstance("PKIX").build(parameters);
        } catch (GeneralSecurityException e) {
            throw new Refused(what + " không thuộc gốc tin cậy của hệ thống (hoặc hết hạn lúc đóng dấu)", e);
        }
    }

    private static TimeStampToken token(byte[] der) throws IOException, TSPException, CMSException {
        return new TimeStampToken(new CMSSignedData(der));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Selector<X509CertificateHolder> asSelector(Selector selector) {
        return selector;
    }

    private static X509Certificate certificate(Collection<X509CertificateHolder> matches) throws GeneralSecurityException {
        if (matches.isEmpty()) {
            throw new java.security.cert.CertificateException("the signer's certificate is not included");
        }
        return new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
    }

    private static Collection<X509Certificate> certificates(Collection<X509CertificateHolder> holders)
            throws GeneralSecurityException {
        List<X509Certificate> result = new ArrayList<>();
        for (X509CertificateHolder holder : holders) {
            result.add(new JcaX509CertificateConverter().getCertificate(holder));
        }
        return result;
    }

    private static ESSCertIDv2 essCertId(X509Certificate certificate) throws GeneralSecurityException {
        GeneralNames issuer = new GeneralNames(new GeneralName(
                X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded())));
        return new ESSCertIDv2(sha256(certificate.getEncoded()), new IssuerSerial(issuer, certificate.getSerialNumber()));
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bouncy Castle's signer over a {@link SigningCredential}: the credential signs the DER signed attributes. */
    private static final class CredentialSigner implements ContentSigner {

        private final SigningCredential credential;
        private final ByteArrayOutputStream toSign = new ByteArrayOutputStream();

        CredentialSigner(SigningCredential credential) {
            this.credential = credential;
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            boolean ec = "EC".equals(credential.certificate().getPublicKey().getAlgorithm());
            return new DefaultSignatureAlgorithmIdentifierFinder().find(ec ? "SHA256withECDSA" : "SHA256withRSA");
        }

        @Override
        public OutputStream getOutputStream() {
            return toSign;
        }

        @Override
        public byte[] getSignature() {
            return credential.sign(toSign.toByteArray());
        }
    }
}
