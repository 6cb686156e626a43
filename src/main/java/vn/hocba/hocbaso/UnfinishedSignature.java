package vn.hocba.hocbaso;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import vn.hocba.pades.SigningException;

/**
 * A slot's signature built by JSR 105 up to its value, kept out of the record between the two halves of a
 * step ({@link SlotValues#unfinished}): everything it states (references and their digests, XAdES signed
 * properties, key info) is already there, and {@link #data} is its canonical {@code SignedInfo}, what the
 * credential signs. {@link #finish} puts the credential's value in as JSR 105 writes it (an ECDSA value from
 * DER to r‖s, Base64 in lines of 76 with CRLF unless the JDK is told to leave out line breaks) and the
 * signature into its slot: the same element a second JSR 105 signature over the same record, time and chain
 * gives ({@code SlotValuesTest}), without canonicalizing and digesting the covered region again (for the
 * principal and the school: the whole record with every earlier signature).
 */
final class UnfinishedSignature {

    /** The JDK's switch for Base64 without line breaks in signatures (read the same way as the JDK reads it). */
    private static final boolean NO_LINE_BREAKS = Boolean.getBoolean(
            "com.sun.org.apache.xml.internal.security.ignoreLineBreaks");

    private final RecordSlots slots;
    private final SignatureSlot slot;
    private final Element signature;
    private final byte[] data;
    private final X509Certificate signer;
    /** The record's slots signed and in all once {@link #finish} put the signature in; -1 before. */
    private int slotsSigned = -1;
    private int slotsTotal = -1;

    /** {@code slots}: the record's slots as the first half found them, {@code slot} one of them. */
    UnfinishedSignature(RecordSlots slots, SignatureSlot slot, Element signature, byte[] data,
            List<X509Certificate> chain) {
        this.slots = slots;
        this.slot = slot;
        this.signature = signature;
        this.data = data;
        this.signer = chain.get(0);
    }

    /** The bytes the credential signs: the signature's canonical {@code SignedInfo}. */
    byte[] data() {
        return data.clone();
    }

    /**
     * Puts {@code value}, the credential's signature over {@link #data}, into the signature and the signature into
     * its slot; returns the signature, not yet time-stamped.
     *
     * @throws vn.hocba.common.Rejected when it is no longer the slot's turn (signed meanwhile), as a signature would
     */
    Element finish(byte[] value) {
        // the record's slot elements read again (not the whole record walked again: 4 % of a sheet request)
        RecordSlots slots = this.slots.asNow();
        SignatureSlot now = slots.slot(slot.role(), slot.role() == SlotRole.SUBJECT_TEACHER ? slot.id() : null);
        slots.requireTurn(now);
        Element signatureValue = XadesProperties.children(signature, RecordSlots.DSIG, "SignatureValue").get(0);
        signatureValue.appendChild(signature.getOwnerDocument().createTextNode(base64(xmldsigValue(value))));
        now.element().appendChild(signature);
        // the counts the stored row states, from the walk of the turn check (the slot was empty, now it is signed)
        slotsSigned = (int) slots.all().stream().filter(SignatureSlot::signed).count() + 1;
        slotsTotal = slots.all().size();
        return signature;
    }

    /**
     * The digest this signature's reference states for the region it covers, when the signature sits outside that
     * region, so the version it makes has that very region, and a later step's slot still to be signed covers it too
     * (the seal after the principal): {@link RegionDigests}. Empty otherwise, and for a subject teacher's signature
     * ({@link RegionDigests#reusedIn}).
     */
    Optional<byte[]> regionDigestKept() {
        if (!RegionDigests.reusedIn(slot.role())) {
            return Optional.empty();
        }
        boolean wanted = slots.all().stream().anyMatch(s -> s.element() != slot.element() && !s.signed()
                && RegionDigests.reusedIn(s.role()) && s.covers().equals(slot.covers()));
        if (!wanted) {
            return Optional.empty();
        }
        for (Node n = slot.element(); n != null; n = n.getParentNode()) {
            if (n instanceof Element e && slot.covers().equals(e.getAttribute(HocBaSoProfile.ID))) {
                return Optional.empty();
            }
        }
        Element signedInfo = XadesProperties.children(signature, RecordSlots.DSIG, "SignedInfo").get(0);
        for (Element reference : XadesProperties.children(signedInfo, RecordSlots.DSIG, "Reference")) {
            if (("#" + slot.covers()).equals(reference.getAttribute("URI"))) {
                String value = XadesProperties.children(reference, RecordSlots.DSIG, "DigestValue").get(0)
                        .getTextContent();
                return Optional.of(Base64.getMimeDecoder().decode(value));
            }
        }
        return Optional.empty();
    }

    /** The record's slots signed once {@link #finish} signed this one; -1 before. */
    int slotsSigned() {
        return slotsSigned;
    }

    /** The record's slots in all, as {@link #finish} found them; -1 before. */
    int slotsTotal() {
        return slotsTotal;
    }

    private static String base64(byte[] value) {
        return NO_LINE_BREAKS ? Base64.getEncoder().encodeToString(value) : Base64.getMimeEncoder().encodeToString(value);
    }

    /** The value as XMLDSig states it: RSA as it is, ECDSA from DER to r‖s of the curve's size each. */
    private byte[] xmldsigValue(byte[] value) {
        if (!(signer.getPublicKey() instanceof ECPublicKey ec)) {
            return value;
        }
        int size = (ec.getParams().getCurve().getField().getFieldSize() + 7) / 8;
        try {
            ASN1Sequence rs = ASN1Sequence.getInstance(value);
            byte[] raw = new byte[2 * size];
            put(ASN1Integer.getInstance(rs.getObjectAt(0)).getPositiveValue(), raw, 0, size);
            put(ASN1Integer.getInstance(rs.getObjectAt(1)).getPositiveValue(), raw, size, size);
            return raw;
        } catch (RuntimeException e) {
            throw new SigningException("Chữ ký ECDSA không đúng dạng ASN.1: " + e.getMessage(), e);
        }
    }

    private static void put(BigInteger n, byte[] into, int offset, int size) {
        byte[] bytes = n.toByteArray();
        int start = 0;
        while (start < bytes.length - 1 && bytes[start] == 0) {
            start++;
        }
        int length = bytes.length - start;
        if (length > size) {
            throw new IllegalArgumentException("r or s longer than the curve");
        }
        System.arraycopy(bytes, start, into, offset + size - length, length);
    }
}
