package vn.hocba.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Objects;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a login whose account was disabled, whose password changed, or whose roles or staff record (what its rights
 * come from) changed, since it began: the
 * account is read from the database (shared by all nodes) on every request, and the session is
 * invalidated when it no longer matches. Failed-login lockouts do not end sessions.
 */
final class SessionAccountCheck extends OncePerRequestFilter {

    private final Accounts accounts;

    SessionAccountCheck(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof HocBaUser user && !stillValid(user.account())) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
        }
        chain.doFilter(request, response);
    }

    private boolean stillValid(Account loggedIn) {
        return accounts.byId(loggedIn.id())
                .filter(Account::enabled)
                .filter(now -> now.passwordHash().equals(loggedIn.passwordHash()))
                // The session holds the account as it was at the login: its roles and staff record decide what the
                // person may do (AccessPolicy), so a role taken away or a link changed must not live on in it.
                .filter(now -> now.roles().equals(loggedIn.roles()) && Objects.equals(now.staffId(), loggedIn.staffId()))
                .isPresent();
    }
}
