package vn.hocba.web.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * A database failure in a filter before any controller (the bearer-token lookup, as the soak found with the
 * connection pool empty) is answered 503 with the Vietnamese reason, not a bare 500; anything else passes through.
 */
class DatabaseUnavailableFilterTest {

    private final DatabaseUnavailableFilter filter = new DatabaseUnavailableFilter();

    @Test
    void anApiRequestWhoseTokenLookupFindsNoConnectionGets503WithTheReason() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/api/classes/6/subjects/8/terms/2/marks");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> {
            throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction");
        });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("30");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("không kết nối được cơ sở dữ liệu").contains("Hãy gửi lại sau ít phút")
                .doesNotContain("Exception").doesNotContain("JDBC");
    }

    @Test
    void aPageRequestGetsTheErrorPageWithTheReason() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/truong");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> {
            throw new ServletException(new CannotCreateTransactionException("pool empty"));
        });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(request.getAttribute(PageExceptionResolver.MESSAGE)).isEqualTo(DatabaseUnavailableFilter.message());
    }

    @Test
    void aBatchWhoseRollbackFailedAfterThePostgresStopGets503NotAnUnexpectedError() throws Exception {
        // As the faults test saw: the statement fails (connection cut), then the rollback on the dead connection
        // fails too, and Spring throws the rollback's exception with the statement's failure inside.
        TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed", "08003"));
        rollbackFailed.initApplicationException(new DataAccessResourceFailureException("I/O error sending to the backend"));
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/classes/1/year-documents/homeroom-signature");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> {
            throw rollbackFailed;
        });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("không kết nối được cơ sở dữ liệu");
    }

    @Test
    void aRollbackThatFailedForAnotherReasonIsNotCalledAnOutage() {
        TransactionSystemException other = new TransactionSystemException("Could not commit: serialization",
                new SQLException("could not serialize access", "40001"));
        other.initApplicationException(new IllegalStateException("a bug"));
        assertThat(DatabaseUnavailableFilter.isDatabaseUnavailable(other)).isFalse();
        assertThat(DatabaseUnavailableFilter.isDatabaseUnavailable(new SQLException("no route", "08001"))).isTrue();
    }

    @Test
    void otherFailuresAreNotDisguisedAsADatabaseOutage() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/me");
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThatThrownBy(() -> filter.doFilter(request, response, (req, res) -> {
            throw new IllegalStateException("a bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(response.getStatus()).isEqualTo(200);
    }
}
