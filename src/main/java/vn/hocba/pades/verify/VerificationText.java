package vn.hocba.pades.verify;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Renders a {@link VerificationReport} for people, in Vietnamese. */
public final class VerificationText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private VerificationText() {
    }

    public static String render(VerificationReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Văn bản: ").append(report.document()).append('\n');
        out.append("Kết luận: ").append(report.verdict().sentence()).append('\n');
        if (report.supersededBy() != null) {
            out.append("Lưu ý: văn bản này đã được thay thế bởi phiên bản mới hơn (")
                    .append(report.supersededBy()).append(").\n");
        }
        int n = 1;
        for (SignatureFinding s : report.signatures()) {
            out.append('\n').append("Chữ ký ").append(n++).append(" (ô ký ").append(s.fieldName()).append("): ")
                    .append(s.passed() ? "hợp lệ" : "KHÔNG hợp lệ").append('\n');
            out.append("  Người ký:            ").append(s.signer()).append('\n');
            out.append("  Vai trò:             ").append(s.role()).append('\n');
            out.append("  Thời điểm ký (khai): ").append(time(s.claimedTime())).append('\n');
            out.append("  Dấu thời gian:       ").append(time(s.timeStampedTime())).append('\n');
            out.append("  Tổ chức cấp CTS:     ").append(s.issuer()).append('\n');
            out.append("  Toàn vẹn:            ").append(s.intact()
                    ? "nội dung không thay đổi kể từ khi ký" : "NỘI DUNG ĐÃ BỊ THAY ĐỔI sau khi ký").append('\n');
            out.append("  Mức PAdES:           ").append(s.level()).append('\n');
            out.append("  Kết quả kiểm định:   ").append(s.indication())
                    .append(s.subIndication() == null ? "" : " / " + s.subIndication()).append('\n');
            s.problems().forEach(p -> out.append("  - ").append(p).append('\n'));
        }
        for (Instant t : report.documentTimeStamps()) {
            out.append('\n').append("Dấu thời gian lưu trữ dài hạn: ").append(time(t)).append('\n');
        }
        return out.toString();
    }

    private static String time(Instant instant) {
        return instant == null ? "không có" : TIME.format(instant) + " (GMT+7)";
    }
}
