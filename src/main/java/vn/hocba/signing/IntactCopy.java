package vn.hocba.signing;

import java.util.ArrayList;
import java.util.List;
import vn.hocba.pades.verify.FindingWords;
import vn.hocba.pades.verify.VerificationReport;
import vn.hocba.pades.verify.Verdict;

/**
 * When a PDF carrying an issued version's embedded data may be called that version: it is
 * byte-identical to a signed file of the version (its SHA-256 was recorded when signed), or its
 * signatures are all valid and the last signature or document time-stamp covers the whole file.
 * The embedded data alone proves nothing: the visible pages can be changed without touching it.
 */
final class IntactCopy {

    private IntactCopy() {
    }

    /** Why the PDF is not an intact copy; empty when it is. */
    static List<String> whyNot(VerificationReport report, boolean identicalToSignedFile) {
        if (identicalToSignedFile) {
            return List.of();
        }
        List<String> reasons = new ArrayList<>();
        switch (report.verdict()) {
            case NOT_SIGNED -> reasons.add("Tệp chưa được ký số và không trùng từng byte với bản đã ký nào do nhà "
                    + "trường phát hành.");
            case INVALID -> reasons.add("Chữ ký số không hợp lệ hoặc văn bản đã bị sửa đổi sau khi ký.");
            case INDETERMINATE -> reasons.add("Chưa xác định được tính hợp lệ của chữ ký số, và tệp không trùng từng "
                    + "byte với bản đã ký nào do nhà trường phát hành.");
            case VALID -> {
            }
        }
        if (report.verdict() != Verdict.NOT_SIGNED && !report.coversWholeFile()) {
            reasons.add(FindingWords.appendedAfterLastSignature());
        }
        return reasons;
    }
}
