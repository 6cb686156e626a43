package vn.hocba.hocbaso;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import javax.xml.crypto.OctetStreamData;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.TransformService;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Selector;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.hocba.pades.SigningException;
import vn.hocba.pades.TimeStampSource;

/**
 * The XAdES-T part of a slot's signature: {@code UnsignedSignatureProperties/SignatureTimeStamp}, an RFC 3161
 * token from the school's TSA over the SHA-256 of the exclusive-C14N {@code ds:SignatureValue} element
 * (ETSI EN 319 132-1, 5.3), added right after the slot is signed and before the next slot signs (the
 * subject teachers' and the homeroom teacher's signatures lie inside {@code #data}, which the principal
 * and the school sign); and its check: the imprint, the TSA's signature and certificate, the time.
 */
final class SignatureTimeStamps {

    /** A signature time-stamp may be this much earlier than the stated signing time (the TSA's clock is not ours). */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(1);

    /**
     * What the check found: the time (null when unreadable); intact: the token is the TSA's, unchanged, over this
     * signature's value and not before its signing time; trusted: the TSA chains to a trust anchor; the problem.
     */
    record Stamp(Instant time, boolean intact, boolean trusted, String problem) {
        static Stamp broken(Instant time, String problem) {
            return new Stamp(time, false, false, problem);
        }
    }

    private SignatureTimeStamps() {
    }

    /**
     * What {@code signature}'s time-stamp is over: the SHA-256 of its exclusive-C14N {@code ds:SignatureValue}, for a
     * signature (signed, with qualifying properties) that has no unsigned properties yet.
     */
    static byte[] imprint(Element signature) {
        Element qualifying = XadesProperties.qualifyingProperties(signature);
        if (qualifying == null || XadesProperties.first(qualifying, "UnsignedProperties") != null) {
            throw new IllegalStateException("chữ ký " + signature.getAttribute(HocBaSoProfile.ID)
                    + " không phải XAdES chưa có dấu thời gian");
        }
        return sha256(SignatureValueCanonical.of(signatureValue(signature)));
    }

    /**
     * Time-stamps each of {@code signatures} ({@link #imprint}) with {@code tsa}, their requests together
     * ({@link TimeStampSource#timeStampAll}). Each token goes in as the source returned it, not parsed again here: the
     * HTTP source checks every answer against its request (status, imprint, nonce, the TSA's signature) before
     * returning it, the in-process TSA makes it, and {@link #check} reads it whenever a record is verified (reading
     * it again was ≈ 3 % of a subject sheet's request, one per record).
     */
    static void addAll(List<Element> signatures, TimeStampSource tsa) {
        List<byte[]> tokens;
        try {
            tokens = tsa.timeStampAll(signatures.stream().map(SignatureTimeStamps::imprint).toList());
        } catch (RuntimeException e) {
            throw new SigningException("Không lấy được dấu thời gian cho chữ ký học bạ số của " + signatures.size()
                    + " học sinh: " + e.getMessage(), e);
        }
        for (int i = 0; i < signatures.size(); i++) {
            put(signatures.get(i), tokens.get(i));
        }
    }

    /** {@link #addAll} for one signature. */
    static void add(Element signature, TimeStampSource tsa) {
        byte[] imprint = imprint(signature);
        byte[] token;
        try {
            token = tsa.timeStamp(imprint);
        } catch (RuntimeException e) {
            throw new SigningException("Không lấy được dấu thời gian cho chữ ký " + signature.getAttribute(HocBaSoProfile.ID)
                    + " của học bạ số: " + e.getMessage(), e);
        }
        put(signature, token);
    }

    private static void put(Element signature, byte[] token) {
        Element qualifying = XadesProperties.qualifyingProperties(signature);
        Element stamp = XadesProperties.append(XadesProperties.append(XadesProperties.append(qualifying,
                "UnsignedProperties"), "UnsignedSignatureProperties"), "SignatureTimeStamp");
        stamp.setAttributeNS(null, HocBaSoProfile.ID, signature.getAttribute(HocBaSoProfile.ID) + "-ts");
        Element method = XadesProperties.ds(signature.getOwnerDocument(), "CanonicalizationMethod");
        method.setAttributeNS(null, "Algorithm", CanonicalizationMethod.EXCLUSIVE);
        stamp.appendChild(method);
        XadesProperties.append(stamp, "EncapsulatedTimeStamp").setTextContent(Base64.getEncoder().encodeToString(token));
    }

    /**
     * Checks the signature time-stamp of {@code signature}; null when it has none.
     *
     * @param signingTime the SigningTime the signature states (the stamp may not be earlier)
     */
    static Stamp check(Element signature, Instant signingTime, Set<TrustAnchor> anchors) {
        Element qualifying = XadesProperties.qualifyingProperties(signature);
        Element unsigned = qualifying == null ? null : XadesProperties.first(qualifying, "UnsignedSignatureProperties");
        if (unsigned == null) {
            return null;
        }
        List<Element> stamps = XadesProperties.children(unsigned, XadesProperties.XADES, "SignatureTimeStamp");
        if (stamps.size() != 1 || unsigned.getElementsByTagName("*").getLength()
                != stamps.get(0).getElementsByTagName("*").getLength() + 1) {
            return Stamp.broken(null, "thuộc tính không ký chỉ được có đúng một xades:SignatureTimeStamp");
        }
        Element stamp = stamps.get(0);
        List<Element> method = XadesProperties.children(stamp, RecordSlots.DSIG, "CanonicalizationMethod");
        List<Element> encapsulated = XadesProperties.children(stamp, XadesProperties.XADES, "EncapsulatedTimeStamp");
        if (method.size() != 1 || !CanonicalizationMethod.EXCLUSIVE.equals(method.get(0).getAttribute("Algorithm"))
                || encapsulated.size() != 1) {
            return Stamp.broken(null, "dấu thời gian phải có C14N loại trừ và đúng một xades:EncapsulatedTimeStamp");
        }
        TimeStampToken token;
        try {
            token = new TimeStampToken(new CMSSignedData(Base64.getMimeDecoder().decode(encapsulated.get(0).getTextContent()
                    .trim())));
        } catch (Exception e) {
            return Stamp.broken(null, "dấu thời gian không đọc được");
        }
        Instant time = token.getTimeStampInfo().getGenTime().toInstant();
        if (!TSPAlgorithms.SHA256.equals(token.getTimeStampInfo().getMessageImprintAlgOID()) || !Arrays.equals(
                token.getTimeStampInfo().getMessageImprintDigest(), sha256(SignatureValueCanonical.of(signatureValue(signature))))) {
            return Stamp.broken(time, "dấu thời gian không khớp với giá trị chữ ký (ds:SignatureValue)");
        }
        X509Certificate tsa;
        try {
            tsa = certificate(token.getCertificates().getMatches(asSelector(token.getSID())));
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa));
        } catch (Exception e) {
            return Stamp.broken(time, "chữ ký của dịch vụ cấp dấu thời gian không hợp lệ");
        }
        if (signingTime != null && time.plus(CLOCK_TOLERANCE).isBefore(signingTime)) {
            return Stamp.broken(time, "dấu thời gian sớm hơn thời điểm ký mà chữ ký khai báo (" + signingTime + ")");
        }
        boolean trusted = chains(tsa, token, anchors, time);
        return new Stamp(time, true, trusted,
                trusted ? "" : "chứng thư của dịch vụ cấp dấu thời gian không xuất phát từ gốc tin cậy");
    }

    /**
     * The exclusive C14N (without comments) of {@code element}, by the JDK's own canonicalizer: the element is
     * written as a document of its own (its namespace declared on it, which exclusive C14N renders anyway as
     * visibly used), then canonicalized.
     */
    static byte[] canonical(Element element) {
        Document alone = XmlDocuments.newDocument();
        Element copy = (Element) alone.importNode(element, true);
        copy.setAttributeNS(javax.xml.XMLConstants.XMLNS_ATTRIBUTE_NS_URI,
                element.getPrefix() == null ? "xmlns" : "xmlns:" + element.getPrefix(), element.getNamespaceURI());
        alone.appendChild(copy);
        try {
            TransformService c14n = TransformService.getInstance(CanonicalizationMethod.EXCLUSIVE, "DOM");
            c14n.init((TransformParameterSpec) null);
            OctetStreamData out = (OctetStreamData) c14n.transform(new OctetStreamData(
                    new ByteArrayInputStream(XmlDocuments.bytes(alone))), new DOMValidateContext(RecordVerifier.NO_KEY, element));
            return out.getOctetStream().readAllBytes();
        } catch (GeneralSecurityException | javax.xml.crypto.dsig.TransformException | IOException e) {
            throw new IllegalStateException("C14N: " + e.getMessage(), e);
        }
    }

    private static Element signatureValue(Element signature) {
        List<Element> values = XadesProperties.children(signature, RecordSlots.DSIG, "SignatureValue");
        if (values.size() != 1) {
            throw new IllegalStateException("chữ ký không có đúng một ds:SignatureValue");
        }
        return values.get(0);
    }

    private static boolean chains(X509Certificate tsa, TimeStampToken token, Set<TrustAnchor> anchors, Instant time) {
        if (anchors.isEmpty()) {
            return false;
        }
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(tsa);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(time));
            List<X509Certificate> all = new ArrayList<>();
            for (X509CertificateHolder holder : token.getCertificates().getMatches(null)) {
                all.add(new JcaX509CertificateConverter().getCertificate(holder));
            }
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(all)));
            CertPathBuilder.getInstance("PKIX").build(parameters);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static X509Certificate certificate(Collection<X509CertificateHolder> matches) throws GeneralSecurityException {
        if (matches.isEmpty()) {
            throw new java.security.cert.CertificateException("the TSA's certificate is not in the token");
        }
        return new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Selector<X509CertificateHolder> asSelector(Selector selector) {
        return selector;
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
