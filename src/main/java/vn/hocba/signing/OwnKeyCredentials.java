package vn.hocba.signing;

import vn.hocba.common.Rejected;
import vn.hocba.pades.SigningCredential;
import vn.hocba.signing.device.DeviceSession;
import vn.hocba.signing.device.DeviceSessions;

/**
 * The people's credentials when some of them sign on their own device: inside a device session
 * ({@link DeviceSessions#bound()}) the session's person signs with the session (their registered
 * certificate, on their token or remote service), and nobody else can be made to sign with it;
 * otherwise the server-side keys ({@code delegate}) as before. The seal always signs on the server.
 */
final class OwnKeyCredentials implements SignerCredentials {

    private final SignerCredentials delegate;

    OwnKeyCredentials(SignerCredentials delegate) {
        this.delegate = delegate;
    }

    @Override
    public SigningCredential person(String username, String fullName, String roleTitle) {
        DeviceSession session = DeviceSessions.bound().orElse(null);
        if (session == null) {
            return delegate.person(username, fullName, roleTitle);
        }
        if (!session.username().equals(username)) {
            throw Rejected.forbidden("Bước này cần chữ ký của " + fullName + " (" + roleTitle + "); tài khoản "
                    + session.username() + " chỉ ký được phần của chính mình bằng chứng thư số của mình.");
        }
        return session;
    }

    @Override
    public SigningCredential seal(String schoolName) {
        return delegate.seal(schoolName);
    }
}
