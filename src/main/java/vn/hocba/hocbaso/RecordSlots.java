package vn.hocba.hocbaso;

import static vn.hocba.hocbaso.HocBaSoProfile.*;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import vn.hocba.common.Rejected;

/**
 * The signature slots of a record and the signing order (docs/hocbaso.md): every subject teacher,
 * then the homeroom teacher (refused until every subject is signed), then the principal, then the
 * school's issuing certificate. A slot is signed once; a subject teacher may no longer sign once the
 * homeroom teacher has, since a later signature inside {@code #data} would break the principal's.
 */
public final class RecordSlots {

    static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    private final Document record;
    private final List<SignatureSlot> slots;

    private RecordSlots(Document record, List<SignatureSlot> slots) {
        this.record = record;
        this.slots = slots;
    }

    public static RecordSlots of(Document record) {
        Map<SlotRole, List<Element>> byRole = new EnumMap<>(SlotRole.class);
        collect(record, byRole);
        List<SignatureSlot> slots = new ArrayList<>();
        for (SlotRole role : SlotRole.values()) {
            for (Element e : byRole.getOrDefault(role, List.of())) {
                slots.add(slot(role, e));
            }
        }
        return new RecordSlots(record, List.copyOf(slots));
    }

    /**
     * These slots as the record states them now: each slot element still in the record read again (whether it
     * holds a signature, its id, region and signer); one taken out is no longer a slot. For the second half of a
     * signing step ({@link UnfinishedSignature#finish}), whose record is the one the first half walked and which
     * nothing but signing changes (a slot element is never added): the turn is checked on the record as it is
     * without walking all its signatures again.
     */
    RecordSlots asNow() {
        List<SignatureSlot> now = new ArrayList<>(slots.size());
        for (SignatureSlot s : slots) {
            if (inRecord(s.element())) {
                now.add(slot(s.role(), s.element()));
            }
        }
        return new RecordSlots(record, List.copyOf(now));
    }

    private boolean inRecord(Node node) {
        Node n = node;
        while (n.getParentNode() != null) {
            n = n.getParentNode();
        }
        return n == record;
    }

    private static SignatureSlot slot(SlotRole role, Element e) {
        return new SignatureSlot(role, slotId(role, e), covers(role, e), e.getAttribute(ATTR_SIGNER),
                signature(e).isPresent(), e);
    }

    /**
     * Every slot element under {@code parent}, by role in document order: what {@code getElementsByTagName} finds
     * for each role's name, in one walk instead of one per role, and without entering signatures: a signed record
     * is mostly its signatures (a dozen or more, each a few hundred nodes), a slot is never inside one, and the slots
     * are looked up several times per record and slot signed (walking the signatures was 6 % of a subject teacher's
     * sheet request).
     */
    private static void collect(Node parent, Map<SlotRole, List<Element>> byRole) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                SlotRole role = SlotRole.ofElement(e.getTagName());
                if (role != null) {
                    byRole.computeIfAbsent(role, r -> new ArrayList<>()).add(e);
                }
                if (isSignature(e)) {
                    continue;
                }
            }
            if (n.hasChildNodes()) {
                collect(n, byRole);
            }
        }
    }

    private static boolean isSignature(Element e) {
        return DSIG.equals(e.getNamespaceURI()) && "Signature".equals(e.getLocalName());
    }

    public List<SignatureSlot> all() {
        return slots;
    }

    /** The slot of {@code role}; for a subject teacher, {@code subjectSlotId} names which. */
    public SignatureSlot slot(SlotRole role, String subjectSlotId) {
        return slots.stream().filter(s -> s.role() == role)
                .filter(s -> role != SlotRole.SUBJECT_TEACHER || s.id().equals(subjectSlotId))
                .findFirst().orElseThrow(() -> Rejected.invalid("Học bạ số không có ô ký " + role.element()
                        + (subjectSlotId == null ? "" : " " + subjectSlotId) + "."));
    }

    /**
     * @throws Rejected naming what must come first, when {@code slot} may not be signed now
     */
    public void requireTurn(SignatureSlot slot) {
        if (slot.signed()) {
            throw Rejected.conflict("Ô ký " + slot.label() + " đã có chữ ký; mỗi ô chỉ ký một lần.");
        }
        List<SignatureSlot> before = switch (slot.role()) {
            case SUBJECT_TEACHER -> List.of();
            case HOMEROOM_TEACHER -> unsigned(SlotRole.SUBJECT_TEACHER);
            case PRINCIPAL -> unsigned(SlotRole.HOMEROOM_TEACHER);
            case ISSUER -> unsigned(SlotRole.PRINCIPAL);
        };
        if (!before.isEmpty()) {
            throw Rejected.conflict("Chưa ký được ô " + slot.label() + ": còn chờ "
                    + String.join(", ", before.stream().map(SignatureSlot::label).toList()) + ".");
        }
        if (slot.role() == SlotRole.SUBJECT_TEACHER && slots.stream()
                .anyMatch(s -> s.role() == SlotRole.HOMEROOM_TEACHER && s.signed())) {
            throw Rejected.conflict("Giáo viên chủ nhiệm đã ký học bạ số; không thêm chữ ký giáo viên bộ môn ("
                    + slot.label() + ") được nữa.");
        }
    }

    private List<SignatureSlot> unsigned(SlotRole role) {
        return slots.stream().filter(s -> s.role() == role && !s.signed()).toList();
    }

    static Optional<Element> signature(Element slot) {
        for (Node n = slot.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && isSignature(e)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static String slotId(SlotRole role, Element e) {
        return role == SlotRole.SUBJECT_TEACHER ? e.getAttribute(ID) : role.element();
    }

    private static String covers(SlotRole role, Element e) {
        return switch (role) {
            case SUBJECT_TEACHER -> withoutHash(e.getAttribute(ATTR_COVERS));
            case HOMEROOM_TEACHER -> INFO_ID;
            case PRINCIPAL, ISSUER -> DATA_ID;
        };
    }

    /** The value without one leading {@code #} (as {@code replaceFirst("^#", "")}, without compiling a pattern per slot). */
    private static String withoutHash(String value) {
        return value.startsWith("#") ? value.substring(1) : value;
    }
}
