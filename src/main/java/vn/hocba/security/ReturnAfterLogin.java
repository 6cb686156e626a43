package vn.hocba.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * Where a login leads: to the change-password page while the password is a temporary one
 * ({@link TemporaryPasswords}); otherwise back to the page the person was on when the login was
 * asked for ({@link PageSessions#RETURN_TO}); otherwise to their tasks ({@code /}).
 */
@Component
class ReturnAfterLogin implements AuthenticationSuccessHandler {

    /** The page where a person changes their own password. */
    static final String CHANGE_PASSWORD = "/tai-khoan/mat-khau";

    private final TemporaryPasswords temporary;

    ReturnAfterLogin(TemporaryPasswords temporary) {
        this.temporary = temporary;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws IOException {
        HttpSession session = request.getSession(false);
        String returnTo = session == null ? null : (String) session.getAttribute(PageSessions.RETURN_TO);
        if (session != null) {
            session.removeAttribute(PageSessions.RETURN_TO);
        }
        String target = returnTo == null ? "/" : returnTo;
        if (auth.getPrincipal() instanceof HocBaUser user && temporary.mustChange(user.account().id())) {
            target = CHANGE_PASSWORD + "?lan-dau";
        }
        response.sendRedirect(request.getContextPath() + target);
    }
}
