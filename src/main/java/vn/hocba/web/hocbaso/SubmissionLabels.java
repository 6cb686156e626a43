package vn.hocba.web.hocbaso;

import vn.hocba.hocbaso.StoreSubmissions;

/** How the clerk's page names a submission's state, purpose and the store's package status, in Vietnamese. */
public final class SubmissionLabels {

    public static String state(StoreSubmissions.Submission s) {
        return switch (s.state()) {
            case "QUEUED" -> "chưa gửi được, sẽ thử lại tự động (đã thử " + s.attempts() + " lần)";
            case "SENT" -> "đã gửi, kho đang xử lý";
            case "PROCESSED" -> "kho đã xử lý xong";
            case "FAILED" -> "gửi không được sau " + s.attempts() + " lần thử; hãy liên hệ Sở";
            default -> s.state();
        };
    }

    /** For the template: {@code labels.of(s)}. */
    public String of(StoreSubmissions.Submission s) {
        return state(s);
    }

    public String purpose(String purpose) {
        return switch (purpose) {
            case "01" -> "01 · gửi gói học bạ";
            case "03" -> "03 · thu hồi học bạ";
            default -> purpose;
        };
    }
}
