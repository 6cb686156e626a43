package vn.hocba.hocbaso;

import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import vn.hocba.common.Sha256;

/**
 * What tells two versions of a student's record apart, and what a new version keeps of the old one.
 * The fingerprint is the SHA-256 of the unsigned record without its issue date (the date the record is
 * first built, which must not make a record "changed" on the next day). When the content changed after a
 * correction, the new version keeps every subject teacher's signature whose subject element is unchanged
 * (the signature is checked again in the new record): only what changed is signed again.
 */
final class RecordFingerprint {

    private RecordFingerprint() {
    }

    static String of(Document unsigned) {
        Document copy = XmlDocuments.copy(unsigned);
        NodeList dates = copy.getElementsByTagName(HocBaSoProfile.ISSUE_DATE);
        for (int i = 0; i < dates.getLength(); i++) {
            dates.item(i).setTextContent("");
        }
        for (SignatureSlot slot : RecordSlots.of(copy).all()) {
            RecordSlots.signature(slot.element()).ifPresent(s -> slot.element().removeChild(s));
        }
        return Sha256.hex(XmlDocuments.bytes(copy));
    }

    /**
     * Copies into {@code fresh} the subject teachers' signatures of {@code earlier} that are still valid
     * over {@code fresh}'s subject elements; returns the slots kept.
     */
    static List<String> carrySubjectSignatures(Document earlier, Document fresh) {
        RecordVerifier crypto = new RecordVerifier(List.of());
        List<SignatureSlot> before = RecordSlots.of(earlier).all();
        List<String> kept = new java.util.ArrayList<>();
        for (SignatureSlot slot : RecordSlots.of(fresh).all()) {
            if (slot.role() != SlotRole.SUBJECT_TEACHER || slot.signed()) {
                continue;
            }
            before.stream().filter(b -> b.role() == SlotRole.SUBJECT_TEACHER && b.id().equals(slot.id()) && b.signed()
                    && b.signerName().equals(slot.signerName())).findFirst().ifPresent(b -> {
                        Element signature = RecordSlots.signature(b.element()).orElseThrow();
                        Node copy = fresh.importNode(signature, true);
                        slot.element().appendChild(copy);
                        if (crypto.check(fresh, slot).valid()) {
                            kept.add(slot.id());
                        } else {
                            slot.element().removeChild(copy);
                        }
                    });
        }
        return kept;
    }
}
