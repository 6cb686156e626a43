package vn.hocba.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} requests; an unknown, expired or revoked token
 * is left anonymous (→ 401). A failed-login lockout does not stop a token: it was issued to the
 * person, and the lockout is about someone else guessing the password.
 * Runs before the CSRF check, which it tells (through a request attribute) that the request carried a
 * valid token: only then is the CSRF token not needed. A browser never adds a bearer token on its own,
 * but a forged request can carry any header value, and then the session cookie must not count.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    static final String PREFIX = "Bearer ";
    private static final String AUTHENTICATED = BearerTokenFilter.class.getName() + ".AUTHENTICATED";

    private final ApiTokens tokens;
    private final Accounts accounts;

    BearerTokenFilter(ApiTokens tokens, Accounts accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
    }

    static boolean hasBearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.startsWith(PREFIX);
    }

    /** True when this filter authenticated the request by a valid token (not merely a "Bearer" header). */
    static boolean authenticatedByToken(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(AUTHENTICATED));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (hasBearer(request)) {
            String token = request.getHeader("Authorization").substring(PREFIX.length()).trim();
            tokens.accountOf(token).flatMap(accounts::byId)
                    .filter(Account::enabled)
                    .ifPresent(a -> {
                        HocBaUser user = new HocBaUser(a, false);
                        // A context of its own: the one a session cookie brought along stays as it is.
                        SecurityContext context = SecurityContextHolder.createEmptyContext();
                        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
                        SecurityContextHolder.setContext(context);
                        request.setAttribute(AUTHENTICATED, Boolean.TRUE);
                    });
        }
        chain.doFilter(request, response);
    }
}
