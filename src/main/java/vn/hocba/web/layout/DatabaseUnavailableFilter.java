package vn.hocba.web.layout;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The database out of reach (stopped, restarting, or every pooled connection busy for longer than the pool
 * waits) while a request is handled <em>before</em> a controller runs: the bearer-token or session lookup
 * of the security filters. {@code ApiErrors} answers it inside a controller; out here nothing did, and the
 * person got a bare 500 "unexpected error". This filter sits in front of every other one and answers
 * 503 with {@code Retry-After} and the same Vietnamese text: a problem document on {@code /api/**}, the
 * error page elsewhere. Found by the soak (issue 18 item 4): 200 teachers saving at once emptied the pool.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    /** What the person is told: nothing of this request was done, what was saved before stays, send again. */
    public static String message() {
        return "Máy chủ tạm thời không kết nối được cơ sở dữ liệu (đang bận, dừng hoặc khởi động lại). Yêu cầu chưa hoàn "
                + "tất; những gì đã lưu trước đó được giữ nguyên. Hãy gửi lại sau ít phút.";
    }

    /**
     * True when {@code e} or one of its causes says the database could not be reached: Spring's resource failures,
     * a connection the pool could not give, or an SQL connection exception (SQLSTATE class 08, e.g. "connection is
     * closed" when the server went away). Also a failed rollback ({@link TransactionSystemException}) whose original
     * failure was one of these: when PostgreSQL stops in the middle of a transaction, the statement fails and then
     * the rollback on the dead connection fails too, and Spring throws the rollback's exception.
     */
    public static boolean isDatabaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException
                    || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && isDatabaseUnavailable(rollback.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            if (!isDatabaseUnavailable(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Database unavailable during {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
            response.setHeader("Retry-After", "30");
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                ProblemResponses.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, message());
            } else {
                request.setAttribute(PageExceptionResolver.MESSAGE, message());
                response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
            }
        }
    }
}
