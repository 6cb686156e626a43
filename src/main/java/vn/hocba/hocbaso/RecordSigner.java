package vn.hocba.hocbaso;

import java.security.GeneralSecurityException;
import java.security.interfaces.ECPublicKey;
import javax.xml.crypto.dsig.spec.SignatureMethodParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLObject;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dom.DOMStructure;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.hocba.pades.CredentialCheck;
import vn.hocba.pades.SigningCredential;
import vn.hocba.pades.SigningException;
import vn.hocba.pades.TimeStampSource;

/**
 * Signs one slot of a record: XMLDSig with {@code Reference URI="#id"} to the region the slot covers
 * (no transform but exclusive C14N, so the signature sits beside, never inside, what it signs),
 * exclusive C14N of {@code SignedInfo}, RSA-SHA256 or ECDSA-SHA256 by the key's type, and the
 * signer's certificate chain in {@code KeyInfo}. In the XAdES-T form ({@link SignatureForm}) the
 * signature also carries XAdES signed properties, signed by a second reference ({@link XadesProperties}),
 * and a signature time-stamp ({@link SignatureTimeStamps}). The slot order of {@link RecordSlots} is
 * enforced and the credential checked (validity, key usage, revocation) before anything is signed.
 */
public final class RecordSigner {

    private final CredentialCheck check;
    private final Clock clock;
    private final TimeStampSource timeStamps;

    /** Plain XMLDSig, as the provisional profile. */
    public RecordSigner(CredentialCheck check, Clock clock) {
        this(check, clock, null);
    }

    /**
     * @param check      the checks a credential passes before it signs; null skips them (samples with a fresh PKI)
     * @param timeStamps the TSA of XAdES-T signatures; null: plain XMLDSig
     */
    public RecordSigner(CredentialCheck check, Clock clock, TimeStampSource timeStamps) {
        this.check = check;
        this.clock = clock;
        this.timeStamps = timeStamps;
    }

    /**
     * Signs {@code role}'s slot ({@code subjectSlotId} names a subject teacher's slot, null otherwise)
     * in {@code record}, in place.
     *
     * @throws vn.hocba.common.Rejected when it is not the slot's turn or the slot is signed already
     */
    public void sign(Document record, SlotRole role, String subjectSlotId, SigningCredential credential) {
        RecordSlots slots = RecordSlots.of(record);
        slots.requireTurn(slots.slot(role, subjectSlotId));
        if (check != null) {
            check.requireUsable(credential, clock.instant());
        }
        SignatureForm form = timeStamps == null ? SignatureForm.XMLDSIG : SignatureForm.XADES_T;
        Element signature = signSlot(record, role, subjectSlotId, credential, form.signingTime(clock));
        if (timeStamps != null) {
            SignatureTimeStamps.add(signature, timeStamps);
        }
    }

    /**
     * Signs the slot without a time-stamp (the two halves of {@link SlotValues}; the caller time-stamps):
     * XAdES signed properties stating {@code xadesSigningTime}, or plain XMLDSig when it is null.
     */
    static Element signSlot(Document record, SlotRole role, String subjectSlotId, SigningCredential credential,
            Instant xadesSigningTime) {
        RecordSlots slots = RecordSlots.of(record);
        SignatureSlot slot = slots.slot(role, subjectSlotId);
        slots.requireTurn(slot);
        return signInto(record, slot.element(), slot.covers(), signatureId(slot), slot.label(), credential,
                xadesSigningTime);
    }

    /** The {@code Id} of the signature in {@code slot}. */
    static String signatureId(SignatureSlot slot) {
        return "sig-" + slot.id();
    }

    /**
     * Appends to {@code parent} an XMLDSig signature by {@code credential} over the element whose
     * {@code Id} is {@code coversId} (XAdES-B-B when {@code xadesSigningTime} is given) and returns it.
     */
    static Element signInto(Document doc, Element parent, String coversId, String signatureId, String label,
            SigningCredential credential, Instant xadesSigningTime) {
        return signInto(doc, parent, coversId, null, signatureId, label, credential, xadesSigningTime);
    }

    /**
     * As {@link #signInto(Document, Element, String, String, String, SigningCredential, Instant)}; {@code coveredDigest}
     * (null: computed) is the digest of the region as it is now ({@link RegionDigests}), stated without canonicalizing
     * and hashing the region again.
     */
    static Element signInto(Document doc, Element parent, String coversId, byte[] coveredDigest, String signatureId,
            String label, SigningCredential credential, Instant xadesSigningTime) {
        if (covered(doc, coversId) == null) {
            throw new IllegalStateException("Không có phần Id=\"" + coversId + "\" mà " + label + " ký.");
        }
        try {
            DOMSignContext context = new DOMSignContext(CredentialProvider.keyOf(credential), parent);
            context.setDefaultNamespacePrefix("ds");
            context.setProperty(CredentialProvider.CONTEXT_PROPERTY, new CredentialProvider(credential));
            signature(doc, context, credential, coversId, coveredDigest, signatureId, xadesSigningTime).sign(context);
        } catch (GeneralSecurityException | MarshalException | XMLSignatureException e) {
            throw new SigningException("Không ký được " + label + ": " + e.getMessage(), e);
        }
        return XadesProperties.children(parent, RecordSlots.DSIG, "Signature").stream()
                .filter(e -> signatureId.equals(e.getAttribute(HocBaSoProfile.ID))).findFirst().orElseThrow();
    }

    /**
     * The element JSR 105 dereferences for {@code #coversId}: when it is already marked as the id (the record was
     * parsed, or signed before, in this JVM: every {@code Id} was marked then and JSR 105 marks those it writes), that
     * element; else it is found while every {@code Id} of the record is marked (a walk of the whole record, once per
     * record and slot: 5 % of a subject sheet's request when it was done every time).
     */
    private static Element covered(Document doc, String coversId) {
        Element marked = doc.getElementById(coversId); // only an element still in the document
        if (marked != null && coversId.equals(marked.getAttribute(HocBaSoProfile.ID))) {
            return marked;
        }
        return XmlDocuments.markIds(doc, coversId);
    }

    private static XMLSignature signature(Document doc, DOMSignContext context, SigningCredential credential,
            String coversId, byte[] coveredDigest, String signatureId, Instant xadesSigningTime)
            throws GeneralSecurityException {
        XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM");
        boolean xades = xadesSigningTime != null;
        List<Transform> exclusive = List.of(f.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null));
        DigestMethod sha256 = f.newDigestMethod(DigestMethod.SHA256, null);
        List<Reference> references = new ArrayList<>();
        String referenceId = xades ? XadesProperties.referenceId(signatureId) : null;
        references.add(coveredDigest == null ? f.newReference("#" + coversId, sha256, exclusive, null, referenceId)
                : f.newReference("#" + coversId, sha256, exclusive, null, referenceId, coveredDigest));
        List<XMLObject> objects = null;
        if (xades) {
            XadesProperties.Built built = XadesProperties.build(doc, signatureId, credential.certificate(),
                    xadesSigningTime);
            context.setIdAttributeNS(built.signedProperties(), null, HocBaSoProfile.ID);
            references.add(f.newReference("#" + XadesProperties.signedPropertiesId(signatureId), sha256, exclusive,
                    XadesProperties.SIGNED_PROPERTIES_TYPE, null));
            objects = List.of(f.newXMLObject(List.of(new DOMStructure(built.qualifyingProperties())), null, null, null));
        }
        boolean ec = credential.certificate().getPublicKey() instanceof ECPublicKey;
        SignedInfo signedInfo = f.newSignedInfo(
                f.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                f.newSignatureMethod(ec ? SignatureMethod.ECDSA_SHA256 : SignatureMethod.RSA_SHA256,
                        (SignatureMethodParameterSpec) null), references);
        KeyInfoFactory keys = f.getKeyInfoFactory();
        KeyInfo keyInfo = keys.newKeyInfo(List.of(keys.newX509Data(List.copyOf(credential.certificateChain()))));
        return f.newXMLSignature(signedInfo, keyInfo, objects, signatureId,
                xades ? XadesProperties.signatureValueId(signatureId) : null);
    }
}
