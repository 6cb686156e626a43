package vn.hocba.common;

/**
 * A request the domain refuses, with a message for the person who made it (Vietnamese, saying
 * what was wrong, where, and what to do). The web layer maps {@link Reason} to an HTTP status.
 */
public class Rejected extends RuntimeException {

    /** Why the request was refused. */
    public enum Reason {
        /** The person could not be identified, e.g. a wrong password (401). */
        UNAUTHENTICATED,
        /** The input itself is wrong (400). */
        INVALID,
        /** A referenced thing does not exist (404, or 422 when it is a reference inside a body). */
        NOT_FOUND,
        /** The request conflicts with existing data, e.g. a duplicate code (409). */
        CONFLICT,
        /** The person has no right to do this (403). */
        FORBIDDEN,
        /** The data is locked (423). */
        LOCKED
    }

    private final Reason reason;

    public Rejected(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public static Rejected invalid(String message) {
        return new Rejected(Reason.INVALID, message);
    }

    public static Rejected notFound(String message) {
        return new Rejected(Reason.NOT_FOUND, message);
    }

    public static Rejected conflict(String message) {
        return new Rejected(Reason.CONFLICT, message);
    }

    public static Rejected forbidden(String message) {
        return new Rejected(Reason.FORBIDDEN, message);
    }
}
