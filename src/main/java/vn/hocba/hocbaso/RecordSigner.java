package vn.hocba.hocbaso;

import java.security.GeneralSecurityException;
import java.security.interfaces.ECPublicKey;
import javax.xml.crypto.dsig.spec.SignatureMethodParameterSpec;
import java.time.Clock;
import java.util.List;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
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

/**
 * Signs one slot of a record: XMLDSig with {@code Reference URI="#id"} to the region the slot covers
 * (no transform but exclusive C14N, so the signature sits beside, never inside, what it signs),
 * exclusive C14N of {@code SignedInfo}, RSA-SHA256 or ECDSA-SHA256 by the key's type, and the
 * signer's certificate chain in {@code KeyInfo}. The slot order of {@link RecordSlots} is enforced
 * and the credential checked (validity, key usage, revocation) before anything is signed.
 */
public final class RecordSigner {

    private final CredentialCheck check;
    private final Clock clock;

    /** @param check the checks a credential passes before it signs; null skips them (samples with a fresh PKI) */
    public RecordSigner(CredentialCheck check, Clock clock) {
        this.check = check;
        this.clock = clock;
    }

    /**
     * Signs {@code role}'s slot ({@code subjectSlotId} names a subject teacher's slot, null otherwise)
     * in {@code record}, in place.
     *
     * @throws vn.hocba.common.Rejected when it is not the slot's turn or the slot is signed already
     */
    public void sign(Document record, SlotRole role, String subjectSlotId, SigningCredential credential) {
        RecordSlots slots = RecordSlots.of(record);
        SignatureSlot slot = slots.slot(role, subjectSlotId);
        slots.requireTurn(slot);
        if (check != null) {
            check.requireUsable(credential, clock.instant());
        }
        signInto(record, slot.element(), slot.covers(), "sig-" + slot.id(), slot.label(), credential);
    }

    /**
     * Appends to {@code parent} an XMLDSig signature by {@code credential} over the element whose
     * {@code Id} is {@code coversId}.
     */
    static void signInto(Document doc, Element parent, String coversId, String signatureId, String label,
            SigningCredential credential) {
        XmlDocuments.markIds(doc);
        if (XmlDocuments.byId(doc, coversId) == null) {
            throw new IllegalStateException("Không có phần Id=\"" + coversId + "\" mà " + label + " ký.");
        }
        try {
            XMLSignature signature = signature(credential, coversId, signatureId);
            DOMSignContext context = new DOMSignContext(CredentialProvider.keyOf(credential), parent);
            context.setDefaultNamespacePrefix("ds");
            context.setProperty(CredentialProvider.CONTEXT_PROPERTY, new CredentialProvider(credential));
            signature.sign(context);
        } catch (GeneralSecurityException | MarshalException | XMLSignatureException e) {
            throw new SigningException("Không ký được " + label + ": " + e.getMessage(), e);
        }
    }

    private static XMLSignature signature(SigningCredential credential, String coversId, String signatureId)
            throws GeneralSecurityException {
        XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM");
        Reference reference = f.newReference("#" + coversId, f.newDigestMethod(DigestMethod.SHA256, null),
                List.of(f.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)), null, null);
        boolean ec = credential.certificate().getPublicKey() instanceof ECPublicKey;
        SignedInfo signedInfo = f.newSignedInfo(
                f.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                f.newSignatureMethod(ec ? SignatureMethod.ECDSA_SHA256 : SignatureMethod.RSA_SHA256,
                        (SignatureMethodParameterSpec) null), List.of(reference));
        KeyInfoFactory keys = f.getKeyInfoFactory();
        KeyInfo keyInfo = keys.newKeyInfo(List.of(keys.newX509Data(List.copyOf(credential.certificateChain()))));
        return f.newXMLSignature(signedInfo, keyInfo, null, signatureId, null);
    }
}
