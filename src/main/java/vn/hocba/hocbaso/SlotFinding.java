package vn.hocba.hocbaso;

import java.time.Instant;
import vn.hocba.pades.verify.FindingWords;

/**
 * What the verifier found in one slot.
 *
 * @param signer    the certificate's common name, "" when the slot is empty
 * @param covers    the element the signature covers, e.g. {@code DIEM_TONG_KET#mon-15}
 * @param problem   why the signature is not valid, "" when it is (or the slot is empty)
 * @param timeStamp the time of the signature's XAdES time-stamp when it is intact; null without one
 */
public record SlotFinding(SlotRole role, String slotId, String namedSigner, boolean signed, String signer,
        boolean valid, boolean trusted, String covers, String problem, Instant timeStamp) {

    /** One line of {@code verify}'s report. */
    public String line() {
        String what = role.title() + " [" + slotId + "]";
        if (!signed) {
            return what + ": CHƯA KÝ (" + namedSigner + ")";
        }
        return what + ": " + (valid && trusted ? "HỢP LỆ" : "KHÔNG HỢP LỆ") + ", ký bởi " + signer + ", phủ " + covers
                + (timeStamp == null ? "" : ", thời điểm theo dấu thời gian " + FindingWords.time(timeStamp))
                + (problem.isEmpty() ? "" : " — " + problem);
    }
}
