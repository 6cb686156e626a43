package vn.hocba.hocbaso;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.hocba.common.Rejected;
import vn.hocba.pades.BatchSigningCredential;
import vn.hocba.pades.SigningCredential;
import vn.hocba.pades.SigningException;

/**
 * Signing a record slot in two halves, so that a batch credential (the person's token behind one PIN, a
 * remote service behind one approval) signs every record of the class and the PDFs of the same step at
 * once: first the exact bytes the slot's signature signs (its canonical {@code SignedInfo}) are captured,
 * then the record is signed with the value the credential returned for them. The second half refuses a
 * value for other bytes (the record changed in between).
 */
final class SlotValues {

    private SlotValues() {
    }

    /**
     * The bytes {@code role}'s slot signature would sign in {@code record} (the record is left as it was); with
     * XAdES signed properties stating {@code xadesSigningTime}, or plain XMLDSig when it is null.
     */
    static byte[] dataToSign(Document record, SlotRole role, String subjectSlotId, List<X509Certificate> chain,
            Instant xadesSigningTime) {
        return unfinished(record, role, subjectSlotId, chain, xadesSigningTime).data();
    }

    /**
     * {@code role}'s slot signature in {@code record} built up to its value, out of the record (which is left as it
     * was) until {@link UnfinishedSignature#finish}; with XAdES signed properties stating {@code xadesSigningTime},
     * or plain XMLDSig when it is null.
     */
    static UnfinishedSignature unfinished(Document record, SlotRole role, String subjectSlotId,
            List<X509Certificate> chain, Instant xadesSigningTime) {
        RecordSlots slots = RecordSlots.of(record);
        return unfinished(record, slots, slots.slot(role, subjectSlotId), chain, xadesSigningTime);
    }

    /**
     * As {@link #unfinished(Document, SlotRole, String, List, Instant)}, for {@code slot} of {@code slots}, the
     * record's slots as they are now (found by the caller, so the record is not walked again for them).
     */
    static UnfinishedSignature unfinished(Document record, RecordSlots slots, SignatureSlot slot,
            List<X509Certificate> chain, Instant xadesSigningTime) {
        return unfinished(record, slots, slot, null, chain, xadesSigningTime);
    }

    /** As above; {@code coveredDigest}: the digest of the slot's region as it is now (null: computed). */
    private static UnfinishedSignature unfinished(Document record, RecordSlots slots, SignatureSlot slot,
            byte[] coveredDigest, List<X509Certificate> chain, Instant xadesSigningTime) {
        slots.requireTurn(slot);
        Capture capture = new Capture(chain);
        Element built = null;
        try {
            RecordSigner.signInto(record, slot.element(), slot.covers(), coveredDigest, RecordSigner.signatureId(slot),
                    slot.label(), capture, xadesSigningTime);
        } catch (RuntimeException e) {
            if (capture.data == null) {
                throw e;
            }
        } finally {
            // JSR 105 adds the signature to the slot before it asks for the value: it is taken out again. The slot
            // was empty (requireTurn), so whatever signature it holds now is this unfinished one. (Building it on
            // a copy of the whole record cost more than the signature once the record carried a dozen of them.)
            built = RecordSlots.signature(slot.element()).orElse(null);
            if (built != null) {
                slot.element().removeChild(built);
            }
        }
        return new UnfinishedSignature(slots, slot, built, capture.data, chain);
    }

    /** The slot of a record (null: none for this role), and its signature built up to the value, or why not. */
    record Found(SignatureSlot slot, UnfinishedSignature signature, String refusal) {
    }

    /**
     * The slot of {@code role} ({@code slotId} for a subject teacher) in {@code record} and, when it is empty, its
     * signature built up to the value (a turn refused: why). Only {@code record} is touched, so a step's
     * records are found on several threads ({@link RecordThreads}).
     */
    static Found find(Document record, SlotRole role, String slotId, List<X509Certificate> chain,
            Instant signingTime) {
        return find(record, role, slotId, chain, signingTime, region -> null);
    }

    /**
     * As above; {@code regionDigests} gives the digest of a region of {@code record} as it is now, by the region's
     * {@code Id}, when it is known ({@link RegionDigests}; null: computed).
     */
    static Found find(Document record, SlotRole role, String slotId, List<X509Certificate> chain,
            Instant signingTime, Function<String, byte[]> regionDigests) {
        RecordSlots slots = RecordSlots.of(record);
        SignatureSlot slot = slots.all().stream()
                .filter(s -> s.role() == role && (role != SlotRole.SUBJECT_TEACHER || s.id().equals(slotId)))
                .findFirst().orElse(null);
        if (slot == null || slot.signed()) {
            return new Found(slot, null, null);
        }
        try {
            return new Found(slot, unfinished(record, slots, slot, regionDigests.apply(slot.covers()), chain,
                    signingTime), null);
        } catch (Rejected e) {
            return new Found(slot, null, e.getMessage());
        }
    }

    /**
     * Signs the slot with {@code value}, the credential's signature over {@code data} (made by {@link #dataToSign}
     * with the same {@code xadesSigningTime}); returns the signature, not yet time-stamped.
     */
    static Element sign(Document record, SlotRole role, String subjectSlotId, List<X509Certificate> chain, byte[] data,
            byte[] value, Instant xadesSigningTime) {
        return RecordSigner.signSlot(record, role, subjectSlotId, new SigningCredential() {
            @Override
            public List<X509Certificate> certificateChain() {
                return chain;
            }

            @Override
            public byte[] sign(byte[] dataToSign) {
                if (!Arrays.equals(dataToSign, data)) {
                    throw new SigningException("Học bạ số đã thay đổi giữa lúc chuẩn bị và lúc ký; hãy ký lại.");
                }
                return value;
            }
        }, xadesSigningTime);
    }

    /** The credential's values for {@code data}: one call for a batch credential, else one by one. */
    static List<byte[]> of(SigningCredential credential, List<byte[]> data) {
        if (data.isEmpty()) {
            return List.of();
        }
        if (credential instanceof BatchSigningCredential batch) {
            return batch.signAll(data);
        }
        return data.stream().map(credential::sign).toList();
    }

    private static final class Capture implements SigningCredential {

        private final List<X509Certificate> chain;
        private byte[] data;

        Capture(List<X509Certificate> chain) {
            this.chain = chain;
        }

        @Override
        public List<X509Certificate> certificateChain() {
            return chain;
        }

        @Override
        public byte[] sign(byte[] dataToSign) {
            data = dataToSign.clone();
            throw new Captured();
        }
    }

    /**
     * Stops JSR 105 once the data to sign is captured (caught in {@link #unfinished}): without a stack trace, which
     * the JVM would otherwise fill in, through the whole signing and request stack, for every record and slot.
     */
    private static final class Captured extends RuntimeException {
        Captured() {
            super("captured", null, false, false);
        }
    }
}
