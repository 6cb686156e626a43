package vn.hocba.common;

import java.io.IOException;

/** An upstream service's answer over its {@link BoundedAnswer} limit; the message names the service and the limit. */
public final class AnswerTooLargeException extends IOException {

    private final long limit;

    AnswerTooLargeException(String message, long limit) {
        super(message);
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /** "16 MB", "512 KB", "900 byte": sizes as the messages and the README give them. */
    static String size(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024)).replace('.', ',');
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " byte";
    }
}
