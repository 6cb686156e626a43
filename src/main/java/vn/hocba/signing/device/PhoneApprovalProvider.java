package vn.hocba.signing.device;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * One remote signing service whose users approve on their phone (VNPT SmartCA, Viettel MySign, MISA
 * eSign and the like), reduced to the flow they share: the application authenticates itself (client
 * credentials from the environment, never from files), submits a batch of SHA-256 hashes for one user,
 * the request is pending while the person approves in the provider's app, and polling gives the
 * signature values, or a refusal, or the request's expiry. Adapters: {@link HttpPhoneApprovalProvider}
 * (JSON over HTTPS) and {@link CscPhoneApprovalProvider} (Cloud Signature Consortium API v2).
 */
public interface PhoneApprovalProvider {

    /** The provider's name in configuration and per-person settings, e.g. {@code smartca}. */
    String name();

    /** The name shown to people, e.g. "VNPT SmartCA". */
    String displayName();

    /** The certificate chain the provider holds for {@code userId}, signer first. */
    List<X509Certificate> certificateChain(String userId);

    /** Submits the hashes for the person's approval; returns the provider's transaction. */
    Submitted submit(String userId, List<byte[]> sha256Digests, String description);

    /** Where the transaction is. */
    Status poll(String transactionId);

    /** A submitted request and until when the person can approve it. */
    record Submitted(String transactionId, Instant expiresAt) {
    }

    /** A transaction's state; {@code signatures} and {@code signer} only when SIGNED. */
    record Status(State state, List<byte[]> signatures, X509Certificate signer) {
    }

    /** The states every such service reports. */
    enum State { PENDING, SIGNED, REFUSED, EXPIRED }
}
