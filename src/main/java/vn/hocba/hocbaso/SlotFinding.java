package vn.hocba.hocbaso;

/**
 * What the verifier found in one slot.
 *
 * @param signer  the certificate's common name, "" when the slot is empty
 * @param covers  the element the signature covers, e.g. {@code DIEM_TONG_KET#mon-15}
 * @param problem why the signature is not valid, "" when it is (or the slot is empty)
 */
public record SlotFinding(SlotRole role, String slotId, String namedSigner, boolean signed, String signer,
        boolean valid, boolean trusted, String covers, String problem) {

    /** One line of {@code verify}'s report. */
    public String line() {
        String what = role.title() + " [" + slotId + "]";
        if (!signed) {
            return what + ": CHƯA KÝ (" + namedSigner + ")";
        }
        return what + ": " + (valid && trusted ? "HỢP LỆ" : "KHÔNG HỢP LỆ") + ", ký bởi " + signer + ", phủ " + covers
                + (problem.isEmpty() ? "" : " — " + problem);
    }
}
