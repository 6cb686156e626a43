package vn.hocba.signing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.hocba.pades.config.SigningProperties;
import vn.hocba.pades.config.SigningProperties.Kind;
import vn.hocba.pades.config.SigningProperties.Mode;

/**
 * The rule for the seal when several nodes share the documents ({@code hocba.storage.type=s3}): every
 * node may run a signing step (a load balancer sends the principal's request anywhere, a resumed job
 * runs where it is picked up), so the seal's key must be reachable from every node: a PKCS#11 HSM
 * (network HSM, its client on every node) or a remote signing service, never a PKCS#12 file on one
 * node's disk. The development PKI must be one directory named for every node
 * ({@code hocba.signing.development-pki}), or each node would make a PKI of its own. Keys never go to
 * the object store. Checked at start-up: a node that breaks the rule does not start.
 */
@Component
class SealPlacement {

    SealPlacement(@Value("${hocba.storage.type:filesystem}") String storage, SigningProperties signing) {
        check(storage, signing);
    }

    static void check(String storage, SigningProperties signing) {
        if (!"s3".equalsIgnoreCase(storage.trim())) {
            return;
        }
        if (signing.mode() == Mode.PRODUCTION && signing.schoolSeal() != null
                && signing.schoolSeal().kind() == Kind.PKCS12) {
            throw new IllegalStateException("hocba.storage.type=s3 means several nodes sign: the school seal "
                    + "(hocba.signing.school-seal) must be on a PKCS#11 HSM reachable from every node (kind: pkcs11) or "
                    + "a remote signing service (kind: csc), not a PKCS#12 file on one node's disk");
        }
        if (signing.mode() == Mode.DEVELOPMENT && signing.developmentPki() == null) {
            throw new IllegalStateException("hocba.storage.type=s3 with the development PKI: set "
                    + "hocba.signing.development-pki to the one directory every node uses (each node would otherwise "
                    + "create a PKI of its own in its data directory); production uses real keys");
        }
    }
}
