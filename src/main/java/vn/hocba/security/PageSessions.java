package vn.hocba.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.csrf.CsrfException;

/**
 * What a browser gets when a page needs a login (issue 14, item 14). A page request without a
 * session goes to the login page; with a session that no longer exists (30 idle minutes, or ended by
 * a password change) to {@code /login?expired}, which says so in Vietnamese. Either way the page is
 * remembered ({@link #RETURN_TO}) and {@link ReturnAfterLogin} opens it again after the login. An
 * htmx request is answered with {@code HX-Redirect} (a full page load, not a login form inside a
 * table cell) and remembers the page it came from; a form posted after the session ended (its CSRF
 * token died with the session), or after the person logged out in another tab, remembers the page that held
 * the form. API addresses keep their 401.
 */
final class PageSessions implements AuthenticationEntryPoint, AccessDeniedHandler {

    /** Session attribute: the context-relative address to open after the login. */
    static final String RETURN_TO = "hocba.returnTo";

    private final AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();
    private final RequestMatcher publicPages;

    /** {@code publicPages}: pages that need no login (the login form, the verification of a document). */
    PageSessions(RequestMatcher publicPages) {
        this.publicPages = publicPages;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        toLogin(request, response, expired(request));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, jakarta.servlet.ServletException {
        if (denied instanceof CsrfException && (expired(request) || loggedOutElsewhere(request))) {
            toLogin(request, response, true);
        } else {
            otherwise.handle(request, response, denied);
        }
    }

    /** {@code ended}: the login page says that the session has ended (and that the person comes back here). */
    private static void toLogin(HttpServletRequest request, HttpServletResponse response, boolean ended) throws IOException {
        String returnTo = returnTo(request);
        if (returnTo != null) {
            request.getSession(true).setAttribute(RETURN_TO, returnTo);
        }
        String login = request.getContextPath() + (ended ? "/login?expired" : "/login");
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", login);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        } else {
            response.sendRedirect(login);
        }
    }

    /** The browser sent a session id the server no longer knows: the session ended. */
    private static boolean expired(HttpServletRequest request) {
        return request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
    }

    /**
     * A form or save sent by someone no longer logged in although their session lives on: they logged out in
     * another tab (the login page that follows starts a new session, with a new CSRF token) and go on working in
     * this one. That is a login to make again, not a missing right as the 403 page would say. A page that needs no
     * login keeps its 403: the login form (a login posted without this session's token is what a forged login looks
     * like) and a document's verification, which nobody logs in for.
     */
    private boolean loggedOutElsewhere(HttpServletRequest request) {
        if (publicPages.matches(request)) {
            return false;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated();
    }

    /** The page to come back to: this page (GET), or the page that sent the htmx request or the form. */
    private static String returnTo(HttpServletRequest request) {
        if (request.getHeader("HX-Request") != null) {
            return local(request, request.getHeader("HX-Current-URL"));
        }
        if ("GET".equals(request.getMethod())) {
            // Only a page the person opened, not a script, image or style the browser fetched for it.
            String accept = request.getHeader("Accept");
            if (accept == null || !accept.contains("text/html")) {
                return null;
            }
            String query = request.getQueryString();
            return local(request, request.getRequestURI() + (query == null ? "" : "?" + query));
        }
        return local(request, request.getHeader("Referer"));
    }

    /**
     * The context-relative path of {@code address} if it is on this server (an absolute address of
     * another host is never followed: no open redirect), else null.
     */
    static String local(HttpServletRequest request, String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(address);
            if (uri.getHost() != null && !uri.getHost().equalsIgnoreCase(request.getServerName())) {
                return null;
            }
            String path = uri.getRawPath();
            String context = request.getContextPath();
            if (path == null || !path.startsWith(context + "/") || path.startsWith(context + "//")) {
                return null;
            }
            path = path.substring(context.length());
            if (path.startsWith("/login") || path.startsWith("/logout") || path.startsWith("/api/") || path.equals("/error")) {
                return null;
            }
            return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
