package vn.hocba.hocbaso;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import vn.hocba.pades.CertificateNames;

/**
 * HocBa's own check of a record's signatures, slot by slot: each signature must have exactly one
 * reference, to the region its slot covers (in the XAdES-T form a second one, to its own
 * {@code xades:SignedProperties}, and nothing else), must not sit inside that region (the national verifier
 * rejects it too), must verify with the certificate in its {@code KeyInfo}, and that certificate
 * must chain to a trust anchor. A XAdES signature must name that certificate in its SigningCertificateV2,
 * and its signature time-stamp must cover its {@code ds:SignatureValue}, be signed by a TSA that chains to
 * a trust anchor and not be earlier than the stated signing time; the finding carries its time.
 */
public final class RecordVerifier {

    static final KeySelector NO_KEY = new KeySelector() {
        @Override
        public javax.xml.crypto.KeySelectorResult select(KeyInfo keyInfo, Purpose purpose,
                javax.xml.crypto.AlgorithmMethod method, javax.xml.crypto.XMLCryptoContext context) {
            return () -> null;
        }
    };

    private final Set<TrustAnchor> anchors = new HashSet<>();

    public RecordVerifier(List<X509Certificate> trustAnchors) {
        trustAnchors.forEach(a -> anchors.add(new TrustAnchor(a, null)));
    }

    public List<SlotFinding> verify(Document record) {
        XmlDocuments.markIds(record);
        List<SlotFinding> findings = new ArrayList<>();
        for (SignatureSlot slot : RecordSlots.of(record).all()) {
            findings.add(check(record, slot));
        }
        return findings;
    }

    /** The finding of one slot (signed or not). */
    SlotFinding check(Document doc, SignatureSlot slot) {
        XmlDocuments.markIds(doc);
        return RecordSlots.signature(slot.element()).map(sig -> check(doc, slot, sig))
                .orElse(new SlotFinding(slot.role(), slot.id(), slot.signerName(), false, "", false, false, "", "", null));
    }

    /** True when every slot is signed and every signature valid and trusted. */
    public static boolean allValid(List<SlotFinding> findings) {
        return !findings.isEmpty() && findings.stream().allMatch(f -> f.signed() && f.valid() && f.trusted());
    }

    private SlotFinding check(Document record, SignatureSlot slot, Element sig) {
        List<X509Certificate> certificates = certificatesOf(sig);
        X509Certificate signer = certificates.isEmpty() ? null : certificates.get(0);
        String covers = "";
        String problem = "";
        boolean valid = false;
        SignatureTimeStamps.Stamp stamp = null;
        try {
            DOMValidateContext context = new DOMValidateContext(
                    signer == null ? NO_KEY : KeySelector.singletonKeySelector(signer.getPublicKey()), sig);
            XMLSignature signature = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
            List<?> references = signature.getSignedInfo().getReferences();
            String uri = references.isEmpty() ? null : ((Reference) references.get(0)).getURI();
            Element target = uri != null && uri.startsWith("#") ? XmlDocuments.byId(record, uri.substring(1)) : null;
            covers = target == null ? String.valueOf(uri) : target.getTagName() + "#" + uri.substring(1);
            String extra = extraProblem(sig, references);
            if (target == null || !extra.isEmpty()) {
                problem = extra.isEmpty() ? "chữ ký phải có một tham chiếu tới một phần của học bạ (URI=\"#…\")" : extra;
            } else if (contains(target, sig)) {
                problem = "chữ ký nằm bên trong phần nó ký (" + covers + "); chữ ký phải đặt ngoài phần được ký";
            } else if (!uri.substring(1).equals(slot.covers())) {
                problem = "ô " + slot.role().element() + " phải ký phần #" + slot.covers() + ", không phải " + uri;
            } else {
                valid = signature.validate(context);
                if (!valid) {
                    problem = "nội dung đã bị thay đổi sau khi ký (giá trị băm hoặc chữ ký không khớp)";
                } else if (references.size() == 2) {
                    Element qualifying = XadesProperties.qualifyingProperties(sig);
                    problem = XadesProperties.signingCertificateProblem(qualifying, signer);
                    if (problem.isEmpty()) {
                        stamp = SignatureTimeStamps.check(sig, XadesProperties.signingTime(qualifying), anchors);
                        problem = stamp == null ? "" : stamp.problem();
                    }
                    valid = problem.isEmpty() || stamp != null && stamp.intact();
                }
            }
        } catch (MarshalException | XMLSignatureException | RuntimeException e) {
            problem = "không đọc được chữ ký: " + e.getMessage();
        }
        boolean trusted = signer != null && trusted(certificates) && (stamp == null || stamp.trusted());
        if (valid && !trusted && problem.isEmpty()) {
            problem = "chứng thư số không xuất phát từ gốc tin cậy";
        }
        String name = signer == null ? "" : CertificateNames.commonName(signer);
        return new SlotFinding(slot.role(), slot.id(), slot.signerName(), true, name, valid, trusted, covers, problem,
                stamp == null || !stamp.intact() ? null : stamp.time());
    }

    /**
     * Why the signature has more than the reference to its region: "" for one reference and no
     * {@code ds:Object}, or for a second reference of type SignedProperties to its own signed properties.
     */
    private static String extraProblem(Element sig, List<?> references) {
        if (references.size() == 1) {
            return XadesProperties.children(sig, RecordSlots.DSIG, "Object").isEmpty() ? ""
                    : "chữ ký XMLDSig một tham chiếu không được có ds:Object";
        }
        Reference second = references.size() == 2 ? (Reference) references.get(1) : null;
        if (second == null || !XadesProperties.SIGNED_PROPERTIES_TYPE.equals(second.getType())) {
            return "chữ ký chỉ được có tham chiếu tới phần của học bạ và, với XAdES, tham chiếu tới "
                    + "xades:SignedProperties của chính nó (có " + references.size() + " tham chiếu)";
        }
        List<?> transforms = second.getTransforms();
        if (transforms.size() != 1 || !javax.xml.crypto.dsig.CanonicalizationMethod.EXCLUSIVE.equals(
                ((javax.xml.crypto.dsig.Transform) transforms.get(0)).getAlgorithm())) {
            return "tham chiếu tới xades:SignedProperties phải dùng đúng một phép biến đổi C14N loại trừ";
        }
        return XadesProperties.shapeProblem(sig, second.getURI());
    }

    private boolean trusted(List<X509Certificate> certificates) {
        try {
            X509Certificate certificate = certificates.get(0);
            List<X509Certificate> path = new ArrayList<>();
            path.add(certificate);
            certificates.stream().filter(c -> !c.equals(certificate))
                    .filter(c -> !c.getSubjectX500Principal().equals(c.getIssuerX500Principal())).forEach(path::add);
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static List<X509Certificate> certificatesOf(Element sig) {
        try {
            DOMValidateContext context = new DOMValidateContext(NO_KEY, sig);
            KeyInfo keyInfo = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context).getKeyInfo();
            return x509(keyInfo);
        } catch (MarshalException e) {
            return List.of();
        }
    }

    private static List<X509Certificate> x509(KeyInfo keyInfo) {
        List<X509Certificate> certificates = new ArrayList<>();
        if (keyInfo != null) {
            for (Object content : keyInfo.getContent()) {
                if (content instanceof X509Data data) {
                    data.getContent().stream().filter(X509Certificate.class::isInstance)
                            .map(X509Certificate.class::cast).forEach(certificates::add);
                }
            }
        }
        return certificates;
    }

    private static boolean contains(Element ancestor, Node node) {
        for (Node n = node; n != null; n = n.getParentNode()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }
}
