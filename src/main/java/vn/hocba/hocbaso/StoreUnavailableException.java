package vn.hocba.hocbaso;

/** The national store could not take a message now (network, 5xx, 429): the submission is retried later. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
