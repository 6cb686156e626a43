package vn.hocba.pades;

/**
 * A signing step failed for a technical reason (unreadable PDF, token error, TSA unreachable).
 * The message is in Vietnamese and can be shown to the user.
 */
public class SigningException extends RuntimeException {

    public SigningException(String message) {
        super(message);
    }

    public SigningException(String message, Throwable cause) {
        super(message, cause);
    }
}
