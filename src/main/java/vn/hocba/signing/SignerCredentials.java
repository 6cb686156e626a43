package vn.hocba.signing;

import vn.hocba.pades.SigningCredential;

/**
 * Where the signing keys of the school's people and of its seal come from. The development
 * binding ({@link DevelopmentSignerCredentials}) issues them from the development PKI under the
 * data directory; the production binding ({@link ConfiguredSignerCredentials}) uses the keys configured
 * under {@code hocba.signing.people} and {@code hocba.signing.school-seal} (signing-config/production.example.yml).
 */
public interface SignerCredentials {

    /**
     * The credential of a person, e.g. ("gv05", "Nguyễn Thị Lan", "Giáo viên bộ môn"); {@code username}
     * is the person's HocBa account, or null when they have none.
     */
    SigningCredential person(String username, String fullName, String roleTitle);

    /** The organisation credential making the school seal, named after the school ("TRƯỜNG THCS MẪU"). */
    SigningCredential seal(String schoolName);
}
