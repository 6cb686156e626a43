package vn.hocba.web.layout;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import vn.hocba.common.Rejected;

/**
 * A failure in a page controller (a {@code @Controller} method rendering a view) becomes the
 * Vietnamese error page in the layout, never a JSON problem document: a {@link Rejected} keeps its
 * status and its message (403 "Bạn không dạy môn …"), an address whose id is not a number is a 404,
 * and anything unexpected is a 500 with a reference that is logged. Runs before
 * {@code ApiErrors}, which keeps answering the API ({@code @RestController}, {@code @ResponseBody}).
 *
 * <p>The page itself is {@code web/error-page.html}, reached through the servlet error dispatch
 * ({@link PageErrorViews}); the message travels in the request attribute {@link #MESSAGE}.
 */
class PageExceptionResolver implements HandlerExceptionResolver, Ordered {

    /** Request attribute: the Vietnamese message shown on the error page. */
    static final String MESSAGE = "hocba.page.error.message";
    /** Request attribute: the reference of an unexpected error, as written to the log. */
    static final String REFERENCE = "hocba.page.error.reference";
    private static final Logger log = LoggerFactory.getLogger(PageExceptionResolver.class);

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception e) {
        if (!(handler instanceof HandlerMethod method) || rendersBody(method) || response.isCommitted()) {
            return null;
        }
        try {
            if (e instanceof Rejected rejected) {
                request.setAttribute(MESSAGE, rejected.getMessage());
                response.sendError(status(rejected.reason()));
            } else if (e instanceof MethodArgumentTypeMismatchException) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
            } else if (e instanceof ErrorResponse known) {
                response.sendError(known.getStatusCode().value());
            } else {
                String reference = UUID.randomUUID().toString().substring(0, 8);
                log.error("Unexpected error {} on page {} {}", reference, request.getMethod(), request.getRequestURI(), e);
                request.setAttribute(REFERENCE, reference);
                response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            }
        } catch (IOException io) {
            return null;
        }
        return new ModelAndView();
    }

    private static boolean rendersBody(HandlerMethod method) {
        return method.hasMethodAnnotation(ResponseBody.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class)
                || org.springframework.http.HttpEntity.class.isAssignableFrom(method.getReturnType().getParameterType());
    }

    static int status(Rejected.Reason reason) {
        return switch (reason) {
            case UNAUTHENTICATED -> HttpServletResponse.SC_UNAUTHORIZED;
            case INVALID -> HttpServletResponse.SC_BAD_REQUEST;
            case NOT_FOUND -> HttpServletResponse.SC_NOT_FOUND;
            case CONFLICT -> HttpServletResponse.SC_CONFLICT;
            case FORBIDDEN -> HttpServletResponse.SC_FORBIDDEN;
            case LOCKED -> 423;
        };
    }
}
