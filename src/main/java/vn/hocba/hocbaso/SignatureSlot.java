package vn.hocba.hocbaso;

import org.w3c.dom.Element;

/**
 * One signature slot of a record: its role, its id ({@code gvbm-15-1}, or the role's element name),
 * the id of the region its signature covers, the person named in it and whether it holds a signature.
 */
public record SignatureSlot(SlotRole role, String id, String covers, String signerName, boolean signed, Element element) {

    /** "GVBM gvbm-15-1 (Nguyễn Văn A)": how messages name the slot. */
    public String label() {
        return role.element() + (role == SlotRole.SUBJECT_TEACHER ? " " + id : "") + " (" + signerName + ")";
    }
}
