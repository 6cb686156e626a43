package vn.hocba.exchange;

import vn.hocba.signing.SigningCredential;

/**
 * Where the signing keys of the school's people and of its seal come from. The development
 * binding ({@link DevelopmentSignerCredentials}) issues them from the development PKI under the
 * data directory. TODO production: bind each person to their own token or remote signing service
 * (signing-config/production.example.yml) instead of a key held by the server.
 */
public interface SignerCredentials {

    /** The credential of a person, e.g. ("Nguyễn Thị Lan", "Giáo viên bộ môn"). */
    SigningCredential person(String fullName, String roleTitle);

    /** The organisation credential making the school seal, named after the school ("TRƯỜNG THCS MẪU"). */
    SigningCredential seal(String schoolName);
}
