package vn.hocba.storage;

import vn.hocba.common.Rejected;

/**
 * A stored document that is missing, altered (its bytes no longer match the SHA-256 recorded for
 * it) or unreadable. The message names the document, never a path or a bucket, and says what to do;
 * the web layer answers it as a conflict with that message (no stack text).
 */
public final class StoredObjectException extends Rejected {

    private StoredObjectException(String message, Throwable cause) {
        super(Reason.CONFLICT, message);
        if (cause != null) {
            initCause(cause);
        }
    }

    static StoredObjectException missing(String document) {
        return new StoredObjectException("Không tìm thấy tệp lưu trữ của văn bản " + document + " (đã được ghi nhận "
                + "trong cơ sở dữ liệu nhưng không có trong kho lưu trữ). Hãy báo quản trị hệ thống khôi phục tệp từ "
                + "bản sao lưu.", null);
    }

    static StoredObjectException altered(String document, String expected, String actual) {
        return new StoredObjectException("Tệp lưu trữ của văn bản " + document + " đã bị thay đổi: mã băm SHA-256 "
                + shortHash(actual) + "… không khớp với mã đã ghi nhận " + shortHash(expected) + "…. Tệp này không "
                + "được dùng; hãy báo quản trị hệ thống khôi phục tệp từ bản sao lưu.", null);
    }

    static StoredObjectException unreadable(String document, Throwable cause) {
        return new StoredObjectException("Không đọc được tệp lưu trữ của văn bản " + document + " (kho lưu trữ không "
                + "trả lời hoặc trả lời lỗi). Hãy thử lại sau; nếu vẫn lỗi, báo quản trị hệ thống.", cause);
    }

    static StoredObjectException unwritable(String document, Throwable cause) {
        return new StoredObjectException("Không ghi được tệp lưu trữ của văn bản " + document + " (kho lưu trữ không "
                + "trả lời hoặc trả lời lỗi). Hãy thử lại sau; bước này sẽ tiếp tục từ văn bản đó.", cause);
    }

    private static String shortHash(String hash) {
        return hash == null ? "(không có)" : hash.substring(0, Math.min(16, hash.length()));
    }
}
