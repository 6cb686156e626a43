package vn.hocba.signing;

import vn.hocba.pades.SigningCredential;
import vn.hocba.pades.devpki.DevelopmentPki;

/** Credentials issued (once, then reused) by the development PKI; never for a real school. */
final class DevelopmentSignerCredentials implements SignerCredentials {

    private final DevelopmentPki pki;

    DevelopmentSignerCredentials(DevelopmentPki pki) {
        this.pki = pki;
    }

    @Override
    public SigningCredential person(String username, String fullName, String roleTitle) {
        return pki.issue(fullName, roleTitle, null);
    }

    @Override
    public SigningCredential seal(String schoolName) {
        return pki.organisation(schoolName);
    }
}
