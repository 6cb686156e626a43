package vn.hocba.pades.verify;

/** The overall verdict on a document, with its sentence for people. */
public enum Verdict {
    VALID("HỢP LỆ: mọi chữ ký đều hợp lệ và văn bản không bị sửa đổi sau khi ký."),
    INVALID("KHÔNG HỢP LỆ: có chữ ký sai hoặc văn bản đã bị sửa đổi sau khi ký."),
    INDETERMINATE("CHƯA XÁC ĐỊNH ĐƯỢC: chưa đủ dữ liệu để khẳng định chữ ký hợp lệ (xem lý do ở từng chữ ký)."),
    NOT_SIGNED("KHÔNG CÓ CHỮ KÝ: văn bản này chưa được ký số.");

    private final String sentence;

    Verdict(String sentence) {
        this.sentence = sentence;
    }

    public String sentence() {
        return sentence;
    }
}
