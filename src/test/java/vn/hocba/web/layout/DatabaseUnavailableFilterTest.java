package vn.hocba.web.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

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
    void otherFailuresAreNotDisguisedAsADatabaseOutage() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/me");
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThatThrownBy(() -> filter.doFilter(request, response, (req, res) -> {
            throw new IllegalStateException("a bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(response.getStatus()).isEqualTo(200);
    }
}
