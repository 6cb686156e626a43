package vn.hocba.pades;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Extension point for remote signing services (signing in the cloud with a key held by a
 * Vietnamese CA), modelled on the <a href="https://cloudsignatureconsortium.org">Cloud Signature
 * Consortium API v2</a>, implemented by {@link CscClient}; a credential obtained through
 * {@link #credential(String, String)} works with every signing path of this module, batches included.
 *
 * <p>Mapping to CSC v2:
 * <ul>
 *   <li>{@link #credentialIds()} — {@code credentials/list};</li>
 *   <li>{@link #certificateChain(String)} — {@code credentials/info} with {@code certificates=chain};</li>
 *   <li>{@link #authorize(String, int, String)} — {@code credentials/authorize} with
 *       {@code numSignatures} (one authorisation, SCAL2 activation data such as an OTP, for a
 *       whole batch);</li>
 *   <li>{@link #signHashes(String, String, List)} — {@code signatures/signHash} with
 *       {@code hashAlgo = 2.16.840.1.101.3.4.2.1} (SHA-256) and several hashes at once
 *       ({@code multisign}). The hash sent is {@link DataToSign#digest()}: the SHA-256 of the DER
 *       signed attributes, never of the PDF.</li>
 * </ul>
 */
public interface RemoteSigningService {

    /** The credential ids the authenticated user may use. */
    List<String> credentialIds();

    /** The certificate chain of one credential, signer first. */
    List<X509Certificate> certificateChain(String credentialId);

    /**
     * Authorises {@code numberOfSignatures} signatures with the user's activation data (PIN, OTP)
     * and returns the signature activation data (SAD) to pass to {@link #signHashes}.
     */
    String authorize(String credentialId, int numberOfSignatures, String activationData);

    /** Signs SHA-256 digests; returns one raw signature value per digest, in order. */
    List<byte[]> signHashes(String credentialId, String signatureActivationData, List<byte[]> sha256Digests);

    /**
     * Adapts one remote credential to {@link SigningCredential} for a single signature. For batches
     * prefer preparing every document first ({@link PadesSigner#prepare}), signing all digests in
     * one {@link #signHashes} call and then embedding each value ({@link PadesSigner#embed}).
     */
    default SigningCredential credential(String credentialId, String activationData) {
        List<X509Certificate> chain = certificateChain(credentialId);
        RemoteSigningService service = this;
        return new SigningCredential() {
            @Override
            public List<X509Certificate> certificateChain() {
                return chain;
            }

            @Override
            public byte[] sign(byte[] dataToSign) {
                String sad = service.authorize(credentialId, 1, activationData);
                return service.signHashes(credentialId, sad, List.of(DataToSign.sha256(dataToSign))).get(0);
            }
        };
    }
}
