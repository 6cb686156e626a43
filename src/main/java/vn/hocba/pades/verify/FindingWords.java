package vn.hocba.pades.verify;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;
import vn.hocba.pades.SignerRole;

/** The Vietnamese words for what the validator found, shared by the command line and the verification page. */
public final class FindingWords {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private static final Map<String, String> UNDECIDED_REASONS = Map.ofEntries(
            Map.entry("NO_CERTIFICATE_CHAIN_FOUND", "không dựng được chuỗi chứng thư đến một chứng thư gốc tin cậy"),
            Map.entry("NO_SIGNING_CERTIFICATE_FOUND", "không tìm thấy chứng thư của người ký"),
            Map.entry("TRY_LATER", "chưa có thông tin thu hồi chứng thư đủ mới"),
            Map.entry("REVOKED_NO_POE", "chứng thư đã bị thu hồi và không có bằng chứng chữ ký có trước khi thu hồi"),
            Map.entry("REVOKED_CA_NO_POE", "chứng thư của tổ chức cấp đã bị thu hồi"),
            Map.entry("OUT_OF_BOUNDS_NO_POE", "chữ ký nằm ngoài thời hạn hiệu lực của chứng thư và không có dấu thời gian chứng minh"),
            Map.entry("OUT_OF_BOUNDS_NOT_REVOKED", "chữ ký nằm ngoài thời hạn hiệu lực của chứng thư"),
            Map.entry("CRYPTO_CONSTRAINTS_FAILURE_NO_POE", "thuật toán mật mã không còn đủ an toàn và không có dấu thời gian chứng minh"),
            Map.entry("NO_POE", "không có bằng chứng về thời điểm tồn tại của chữ ký"),
            Map.entry("CHAIN_CONSTRAINTS_FAILURE", "chuỗi chứng thư không đáp ứng chính sách kiểm định"),
            Map.entry("SIGNED_DATA_NOT_FOUND", "không tìm thấy dữ liệu đã ký"));

    private FindingWords() {
    }

    /** "hợp lệ", "KHÔNG hợp lệ" or "Chưa xác định được: <lý do>". */
    public static String status(SignatureFinding f) {
        if (f.passed()) {
            return "hợp lệ";
        }
        if (f.undecided()) {
            return "Chưa xác định được: " + reason(f.subIndication());
        }
        return "KHÔNG hợp lệ";
    }

    /** Whether the signed bytes are unchanged, and whether something was added after signing. */
    public static String integrity(SignatureFinding f) {
        if (!f.intact()) {
            return "NỘI DUNG ĐÃ BỊ THAY ĐỔI sau khi ký: chữ ký không còn khớp với phần đã ký";
        }
        if (f.changedAfterSigning()) {
            return "Phần đã ký còn nguyên, nhưng có nội dung được thêm vào sau khi ký làm thay đổi văn bản "
                    + "(bản hiển thị có thể khác bản đã ký)";
        }
        return "Nội dung không thay đổi kể từ khi ký";
    }

    public static String reason(String subIndication) {
        if (subIndication == null) {
            return "bộ kiểm định chưa đủ dữ liệu để kết luận";
        }
        return UNDECIDED_REASONS.getOrDefault(subIndication, "bộ kiểm định chưa đủ dữ liệu để kết luận")
                + " (" + subIndication + ")";
    }

    /** A time-stamp's time with its status: a failed one is never shown as a plain time. */
    public static String timeStamp(TimeStampFinding t) {
        if (t == null) {
            return "không có";
        }
        String status = t.passed() ? "hợp lệ"
                : "INDETERMINATE".equals(t.indication()) ? "chưa xác định được" : "KHÔNG hợp lệ (" + t.indication() + ")";
        return time(t.time()) + " — " + status;
    }

    /** The signature's earliest time-stamp with its status. */
    public static String signatureTimeStamp(SignatureFinding f) {
        return f.timeStamps() == null || f.timeStamps().isEmpty() ? "không có" : timeStamp(f.timeStamps().get(0));
    }

    /** An empty signature field, named by the role whose box it is: "Con dấu nhà trường (ô ký con_dau)". */
    public static String missingSignature(String fieldName) {
        String role = Arrays.stream(SignerRole.values()).filter(r -> fieldName.startsWith(r.fieldName()))
                .map(SignerRole::title).findFirst().orElse("người ký");
        return role + " (ô ký " + fieldName + ")";
    }

    /** Said when something follows the last signature or document time-stamp. */
    public static String appendedAfterLastSignature() {
        return "Sau chữ ký hoặc dấu thời gian cuối cùng, tệp còn có phần được thêm vào mà không được ký.";
    }

    public static String time(Instant instant) {
        return instant == null ? "không có" : TIME.format(instant) + " (GMT+7)";
    }
}
