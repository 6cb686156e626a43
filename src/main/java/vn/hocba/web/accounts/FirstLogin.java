package vn.hocba.web.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import vn.hocba.security.HocBaUser;
import vn.hocba.security.TemporaryPasswords;

/**
 * A person whose password is still the temporary one the admin board gave them sees only the
 * change-password page: every other page sends them there (an htmx request with
 * {@code HX-Redirect}). The API is not affected (a program has no page to show).
 */
@Component
class FirstLogin implements HandlerInterceptor {

    private final TemporaryPasswords temporary;

    FirstLogin(TemporaryPasswords temporary) {
        this.temporary = temporary;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        if (!(handler instanceof HandlerMethod)) {
            return true;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof HocBaUser user) || !temporary.mustChange(user.account().id())) {
            return true;
        }
        String target = request.getContextPath() + PasswordPageController.PATH + "?lan-dau";
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", target);
        } else {
            response.sendRedirect(target);
        }
        return false;
    }
}
