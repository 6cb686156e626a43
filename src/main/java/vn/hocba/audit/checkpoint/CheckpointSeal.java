package vn.hocba.audit.checkpoint;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.hocba.pades.SigningCredential;
import vn.hocba.pades.SigningServices;
import vn.hocba.pades.config.SigningInstallation;

/**
 * The school's key and TSA that seal checkpoints, from the installation's signing settings: in
 * production the school seal ({@code hocba.signing.school-seal}) and the configured TSA and trust
 * anchors; in development the development PKI's organisation certificate, TSA and root. Opened at
 * first use only (a database without checkpoints is verified without touching any key).
 */
@Component
public class CheckpointSeal {

    private final SigningInstallation installation;

    CheckpointSeal(SigningInstallation installation) {
        this.installation = installation;
    }

    /** Signs a checkpoint's JSON, after checking that the seal may sign now (validity, revocation). */
    public CheckpointSignature.Signed sign(byte[] json) {
        SigningServices services = installation.services();
        SigningCredential seal = credential();
        services.credentialCheck().requireUsable(seal, Instant.now());
        return CheckpointSignature.sign(json, seal, services.timeStamps());
    }

    /** Checks checkpoints against the seal's certificate and the trust anchors, both read once. */
    public Checker checker() {
        return new Checker(credential().certificate(), installation.services().trustAnchors());
    }

    /** Checks a checkpoint's signature and time-stamps against the seal's name and the trust anchors. */
    public record Checker(X509Certificate seal, List<X509Certificate> trustAnchors) {

        public CheckpointSignature.Checked verify(byte[] json, byte[] signature, byte[] timeStamp)
                throws CheckpointSignature.Refused {
            return CheckpointSignature.verify(json, signature, timeStamp, seal, trustAnchors);
        }
    }

    private SigningCredential credential() {
        return installation.isProduction() ? installation.credentials().seal()
                : installation.developmentPki().organisation();
    }
}
