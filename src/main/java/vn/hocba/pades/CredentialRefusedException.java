package vn.hocba.pades;

/**
 * The credential may not sign now: expired, not yet valid, wrong key usage, untrusted issuer,
 * revoked or a too weak key. Raised before anything is written to the document; the message is
 * specific and in Vietnamese (who, what is wrong, what to do).
 */
public final class CredentialRefusedException extends SigningException {

    /** Why the credential was refused, for programs (the message is for people). */
    public enum Reason { EXPIRED, NOT_YET_VALID, WRONG_KEY_USAGE, UNTRUSTED, REVOKED, WEAK_KEY }

    private final Reason reason;

    public CredentialRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
