package vn.hocba.signing.device;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import vn.hocba.pades.BatchSigningCredential;
import vn.hocba.pades.SigningException;

/**
 * One batch signed on a person's device: waiting for the data to sign, then for the device's
 * signature values (or its refusal), then embedding; the page polls {@link #view}. Thread-safe: the
 * signing step blocks in {@link #signAll} while requests from the page deliver the values.
 */
public final class DeviceSession implements BatchSigningCredential {

    /** Where the batch is. */
    public enum State { PREPARING, AWAITING_DEVICE, EMBEDDING, DONE, FAILED }

    /** What the page shows and sends on to the device. */
    public record View(String id, State state, String method, String kind, String classCode, int count,
            List<byte[]> dataToSign, String certificateId, Instant deadline, int signed, int alreadySigned,
            String message, Instant approvalDeadline) {
    }

    private final String id;
    private final String username;
    private final String method;
    private final String kind;
    private final String classCode;
    private final List<X509Certificate> chain;
    private final String certificateId;
    private final Duration patience;
    private State state = State.PREPARING;
    private List<byte[]> dataToSign = List.of();
    private List<byte[]> values;
    private String failure;
    private Instant deadline;
    private int signed;
    private int alreadySigned;
    private String message;
    private Instant approvalDeadline;

    /** A session of its own (tests of a device or service without the web flow). */
    public static DeviceSession of(String username, String method, String kind, String classCode,
            List<X509Certificate> chain, Duration patience) {
        return new DeviceSession(java.util.UUID.randomUUID().toString(), username, method, kind, classCode, chain,
                vn.hocba.signing.registry.CertificateChains.fingerprint(chain.get(0)), patience);
    }

    DeviceSession(String id, String username, String method, String kind, String classCode, List<X509Certificate> chain,
            String certificateId, Duration patience) {
        this.id = id;
        this.username = username;
        this.method = method;
        this.kind = kind;
        this.classCode = classCode;
        this.chain = List.copyOf(chain);
        this.certificateId = certificateId;
        this.patience = patience;
    }

    public String id() {
        return id;
    }

    public String username() {
        return username;
    }

    @Override
    public List<X509Certificate> certificateChain() {
        return chain;
    }

    /** Publishes the batch's data to sign and waits for the device's values, its refusal or the time-out. */
    @Override
    public synchronized List<byte[]> signAll(List<byte[]> data) {
        dataToSign = List.copyOf(data);
        state = State.AWAITING_DEVICE;
        deadline = Instant.now().plus(patience);
        notifyAll();
        try {
            while (values == null && failure == null) {
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0) {
                    failure = "Đã hết " + patience.toMinutes() + " phút chờ thiết bị ký mà không nhận được chữ ký. "
                            + "Không văn bản nào được ký; hãy ký lại.";
                    break;
                }
                TimeUnit.MILLISECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "Máy chủ dừng lượt ký; không văn bản nào được ký.";
        }
        if (failure != null) {
            throw new SigningException(failure);
        }
        state = State.EMBEDDING;
        return values;
    }

    /** The remote service's own approval deadline (the page counts down to it). */
    synchronized void approvalUntil(Instant until) {
        if (until != null && until.isBefore(deadline.plusSeconds(1))) {
            deadline = until.plusSeconds(30); // the service says "expired" itself; this is the last resort
        }
        approvalDeadline = until;
    }

    /** The device's values, one per data to sign, in order. */
    public synchronized void deliver(List<byte[]> signatureValues) {
        if (state != State.AWAITING_DEVICE) {
            throw new IllegalStateException("not awaiting the device");
        }
        values = List.copyOf(signatureValues);
        notifyAll();
    }

    /** The device refused or failed: the step writes nothing and the batch ends with {@code reason}. */
    public synchronized void refuse(String reason) {
        if (state == State.PREPARING || state == State.AWAITING_DEVICE) {
            failure = reason;
            notifyAll();
        }
    }

    synchronized void finished(int signedCount, int alreadySignedCount) {
        state = State.DONE;
        signed = signedCount;
        alreadySigned = alreadySignedCount;
        message = "Đã ký " + (signedCount + alreadySignedCount) + "/" + (signedCount + alreadySignedCount)
                + " văn bản" + (alreadySignedCount > 0 ? " (" + alreadySignedCount + " đã ký từ trước, không ký lại)" : "")
                + ".";
        notifyAll();
    }

    synchronized void failed(String reason) {
        state = State.FAILED;
        message = failure != null ? failure : reason;
        notifyAll();
    }

    synchronized boolean open() {
        return state != State.DONE && state != State.FAILED;
    }

    public synchronized View view() {
        return new View(id, state, method, kind, classCode, dataToSign.size(),
                state == State.AWAITING_DEVICE ? dataToSign : List.of(), certificateId, deadline, signed, alreadySigned,
                message, approvalDeadline);
    }

    /** Waits until the session leaves {@code current} (tests and the remote poller), at most {@code max}. */
    public synchronized State awaitChange(State current, Duration max) throws InterruptedException {
        long until = System.currentTimeMillis() + max.toMillis();
        while (state == current && System.currentTimeMillis() < until) {
            wait(Math.max(1, until - System.currentTimeMillis()));
        }
        return state;
    }
}
