package vn.hocba.hocbaso;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.xml.XMLConstants;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The XAdES part of a slot's signature (ETSI EN 319 132-1, namespace 1.3.2), when the school signs
 * records as XAdES-T ({@link SignatureForm#XADES_T}): {@code ds:Object/xades:QualifyingProperties} with
 * {@code xades:SignedProperties} (SigningTime, SigningCertificateV2, the DataObjectFormat of the slot's
 * region), which the signature's second {@code ds:Reference} (Type {@link #SIGNED_PROPERTIES_TYPE},
 * exclusive C14N) signs; the time-stamp goes into its {@code UnsignedProperties} ({@link SignatureTimeStamps}).
 */
final class XadesProperties {

    static final String XADES = "http://uri.etsi.org/01903/v1.3.2#";
    static final String SIGNED_PROPERTIES_TYPE = "http://uri.etsi.org/01903#SignedProperties";
    static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";

    /** The elements made for one signature: the whole object's content and the part the second reference signs. */
    record Built(Element qualifyingProperties, Element signedProperties) {
    }

    private XadesProperties() {
    }

    /** Id of the signature's {@code xades:SignedProperties}. */
    static String signedPropertiesId(String signatureId) {
        return signatureId + "-sp";
    }

    /** Id of the signature's reference to the slot's region (named by the DataObjectFormat). */
    static String referenceId(String signatureId) {
        return signatureId + "-ref";
    }

    /** Id of the signature's {@code ds:SignatureValue} (what the signature time-stamp covers). */
    static String signatureValueId(String signatureId) {
        return signatureId + "-value";
    }

    /** The signing time a slot states: whole seconds, as XAdES shows it. */
    static Instant signingTime(Instant now) {
        return now.truncatedTo(ChronoUnit.SECONDS);
    }

    /** Builds the qualifying properties of signature {@code signatureId} by {@code signer} at {@code signingTime}. */
    static Built build(Document doc, String signatureId, X509Certificate signer, Instant signingTime) {
        Element qualifying = xades(doc, "QualifyingProperties");
        qualifying.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:xades", XADES);
        qualifying.setAttributeNS(null, "Target", "#" + signatureId);
        Element signed = append(qualifying, "SignedProperties");
        signed.setAttributeNS(null, HocBaSoProfile.ID, signedPropertiesId(signatureId));
        Element signatureProperties = append(signed, "SignedSignatureProperties");
        append(signatureProperties, "SigningTime").setTextContent(signingTime.toString());
        Element cert = append(append(signatureProperties, "SigningCertificateV2"), "Cert");
        Element digest = append(cert, "CertDigest");
        Element method = ds(doc, "DigestMethod");
        method.setAttributeNS(null, "Algorithm", SHA256);
        digest.appendChild(method);
        Element value = ds(doc, "DigestValue");
        value.setTextContent(Base64.getEncoder().encodeToString(certificateDigest(signer)));
        digest.appendChild(value);
        append(cert, "IssuerSerialV2").setTextContent(Base64.getEncoder().encodeToString(issuerSerial(signer)));
        Element format = append(append(signed, "SignedDataObjectProperties"), "DataObjectFormat");
        format.setAttributeNS(null, "ObjectReference", "#" + referenceId(signatureId));
        append(format, "MimeType").setTextContent("text/xml");
        return new Built(qualifying, signed);
    }

    /** The qualifying properties in {@code signature}'s {@code ds:Object}s, or null. */
    static Element qualifyingProperties(Element signature) {
        for (Element object : children(signature, RecordSlots.DSIG, "Object")) {
            for (Element e : children(object, XADES, "QualifyingProperties")) {
                return e;
            }
        }
        return null;
    }

    /**
     * Why {@code signature}'s objects are not exactly one {@code ds:Object} holding only qualifying properties
     * that target it, with one {@code SignedProperties} whose Id {@code signedPropertiesUri} names; "" when they are.
     */
    static String shapeProblem(Element signature, String signedPropertiesUri) {
        List<Element> objects = children(signature, RecordSlots.DSIG, "Object");
        List<Element> content = objects.size() == 1 ? elements(objects.get(0)) : List.of();
        if (content.size() != 1 || !isXades(content.get(0), "QualifyingProperties")) {
            return "chữ ký XAdES phải có đúng một ds:Object chỉ chứa xades:QualifyingProperties";
        }
        Element qualifying = content.get(0);
        if (!("#" + signature.getAttribute(HocBaSoProfile.ID)).equals(qualifying.getAttribute("Target"))) {
            return "xades:QualifyingProperties không trỏ tới chính chữ ký này (Target)";
        }
        List<Element> parts = elements(qualifying);
        boolean shape = !parts.isEmpty() && isXades(parts.get(0), "SignedProperties")
                && (parts.size() == 1 || parts.size() == 2 && isXades(parts.get(1), "UnsignedProperties"));
        if (!shape) {
            return "xades:QualifyingProperties chỉ được có SignedProperties và UnsignedProperties";
        }
        if (!("#" + parts.get(0).getAttribute(HocBaSoProfile.ID)).equals(signedPropertiesUri)) {
            return "tham chiếu thứ hai phải trỏ tới xades:SignedProperties của chính chữ ký, không phải "
                    + signedPropertiesUri;
        }
        return "";
    }

    /** The stated signing time, or null when missing or unreadable. */
    static Instant signingTime(Element qualifying) {
        Element time = first(qualifying, "SigningTime");
        try {
            return time == null ? null : Instant.parse(time.getTextContent().trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Why the SignedProperties do not name {@code signer} as the signing certificate; "" when they do. */
    static String signingCertificateProblem(Element qualifying, X509Certificate signer) {
        Element cert = first(qualifying, "SigningCertificateV2");
        Element value = cert == null ? null : (Element) cert.getElementsByTagNameNS(RecordSlots.DSIG, "DigestValue").item(0);
        Element method = cert == null ? null : (Element) cert.getElementsByTagNameNS(RecordSlots.DSIG, "DigestMethod").item(0);
        if (value == null || method == null || signingTime(qualifying) == null) {
            return "thiếu xades:SigningTime hoặc xades:SigningCertificateV2";
        }
        try {
            boolean same = SHA256.equals(method.getAttribute("Algorithm")) && Arrays.equals(certificateDigest(signer),
                    Base64.getMimeDecoder().decode(value.getTextContent().trim()));
            return same ? "" : "xades:SigningCertificateV2 không khớp với chứng thư của người ký";
        } catch (IllegalArgumentException e) {
            return "xades:SigningCertificateV2 không đọc được";
        }
    }

    static Element append(Element parent, String localName) {
        Element e = xades(parent.getOwnerDocument(), localName);
        parent.appendChild(e);
        return e;
    }

    static Element ds(Document doc, String localName) {
        return doc.createElementNS(RecordSlots.DSIG, "ds:" + localName);
    }

    static List<Element> children(Element parent, String namespace, String localName) {
        return elements(parent).stream().filter(e -> namespace.equals(e.getNamespaceURI())
                && localName.equals(e.getLocalName())).toList();
    }

    static Element first(Element parent, String localName) {
        return (Element) parent.getElementsByTagNameNS(XADES, localName).item(0);
    }

    private static Element xades(Document doc, String localName) {
        return doc.createElementNS(XADES, "xades:" + localName);
    }

    private static boolean isXades(Element e, String localName) {
        return XADES.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName());
    }

    private static List<Element> elements(Element parent) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                list.add(e);
            }
        }
        return list;
    }

    private static byte[] certificateDigest(X509Certificate certificate) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 5035 IssuerSerial (issuer as a directory name, serial number), DER. */
    private static byte[] issuerSerial(X509Certificate certificate) {
        try {
            X500Name issuer = X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded());
            return new IssuerSerial(new GeneralNames(new GeneralName(issuer)), certificate.getSerialNumber())
                    .getEncoded("DER");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
