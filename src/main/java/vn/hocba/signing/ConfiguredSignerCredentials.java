package vn.hocba.signing;

import vn.hocba.pades.SigningCredential;
import vn.hocba.pades.config.ConfiguredCredentials;

/**
 * Production keys (hocba.signing.people and school-seal): each person signs with the credential
 * configured for their account (people.<username>), else found by their name in the staff list; the seal with the school's
 * organisation credential.
 */
final class ConfiguredSignerCredentials implements SignerCredentials {

    private final ConfiguredCredentials credentials;

    ConfiguredSignerCredentials(ConfiguredCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public SigningCredential person(String username, String fullName, String roleTitle) {
        return credentials.person(username, fullName);
    }

    @Override
    public SigningCredential seal(String schoolName) {
        return credentials.seal(); // one installation, one school: its organisation certificate
    }
}
