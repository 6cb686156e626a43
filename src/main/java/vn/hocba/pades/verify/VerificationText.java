package vn.hocba.pades.verify;

/** Renders a {@link VerificationReport} for people, in Vietnamese. */
public final class VerificationText {

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
        if (!report.signatures().isEmpty() && !report.coversWholeFile()) {
            out.append("Lưu ý: ").append(FindingWords.appendedAfterLastSignature()).append('\n');
        }
        for (String field : report.unsignedFields()) {
            out.append("Thiếu chữ ký: ").append(FindingWords.missingSignature(field)).append(" chưa được ký.\n");
        }
        int n = 1;
        for (SignatureFinding s : report.signatures()) {
            out.append('\n').append("Chữ ký ").append(n++).append(" (ô ký ").append(s.fieldName()).append("): ")
                    .append(FindingWords.status(s)).append('\n');
            out.append("  Người ký:            ").append(s.signer()).append('\n');
            out.append("  Vai trò:             ").append(s.role()).append('\n');
            out.append("  Thời điểm ký (khai): ").append(FindingWords.time(s.claimedTime())).append('\n');
            out.append("  Dấu thời gian:       ").append(FindingWords.signatureTimeStamp(s)).append('\n');
            out.append("  Tổ chức cấp CTS:     ").append(s.issuer()).append('\n');
            out.append("  Toàn vẹn:            ").append(FindingWords.integrity(s)).append('\n');
            out.append("  Mức PAdES:           ").append(s.level()).append('\n');
            out.append("  Kết quả kiểm định:   ").append(s.indication())
                    .append(s.subIndication() == null ? "" : " / " + s.subIndication()).append('\n');
            s.problems().forEach(p -> out.append("  - ").append(p).append('\n'));
        }
        for (TimeStampFinding t : report.documentTimeStamps()) {
            out.append('\n').append("Dấu thời gian lưu trữ dài hạn: ").append(FindingWords.timeStamp(t)).append('\n');
        }
        return out.toString();
    }
}
