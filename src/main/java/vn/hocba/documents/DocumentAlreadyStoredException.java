package vn.hocba.documents;

import java.io.IOException;

/** A document version that is already stored cannot be written again (documents are immutable). */
public class DocumentAlreadyStoredException extends IOException {

    public DocumentAlreadyStoredException(String versionLabel) {
        super("Tài liệu " + versionLabel + " đã được lưu trước đó và không thể ghi đè; "
                + "hãy phát hành một phiên bản mới nếu cần sửa.");
    }
}
