package vn.hocba.signing.device;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import vn.hocba.pades.RemoteSigningService;

/**
 * The existing Cloud Signature Consortium API v2 client ({@link RemoteSigningService},
 * {@code vn.hocba.pades.CscClient}) as one more phone-approval adapter: the user id is the CSC
 * credential id; {@code credentials/authorize} for the whole batch (the provider asks the person to
 * approve, e.g. by a push to their app, and answers once approved or refused), then one
 * {@code signatures/signHash}. The transaction is complete when {@link #submit} returns.
 */
public final class CscPhoneApprovalProvider implements PhoneApprovalProvider {

    private final String name;
    private final String displayName;
    private final RemoteSigningService csc;
    private final Map<String, Status> done = new ConcurrentHashMap<>();

    public CscPhoneApprovalProvider(String name, String displayName, RemoteSigningService csc) {
        this.name = name;
        this.displayName = displayName;
        this.csc = csc;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public List<X509Certificate> certificateChain(String userId) {
        return csc.certificateChain(userId);
    }

    @Override
    public Submitted submit(String userId, List<byte[]> sha256Digests, String description) {
        String transaction = UUID.randomUUID().toString();
        Status status;
        try {
            String sad = csc.authorize(userId, sha256Digests.size(), null);
            status = new Status(State.SIGNED, csc.signHashes(userId, sad, sha256Digests),
                    csc.certificateChain(userId).get(0));
        } catch (RuntimeException refused) {
            status = new Status(State.REFUSED, List.of(), null);
        }
        done.put(transaction, status);
        return new Submitted(transaction, Instant.now().plusSeconds(300));
    }

    @Override
    public Status poll(String transactionId) {
        Status status = done.remove(transactionId);
        return status == null ? new Status(State.EXPIRED, List.of(), null) : status;
    }
}
