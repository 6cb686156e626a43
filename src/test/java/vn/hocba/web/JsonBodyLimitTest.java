package vn.hocba.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A JSON body declared larger than the limit is refused with 413 and the reason before anything is read. */
class JsonBodyLimitTest {

    @Test
    void aDeclaredOversizedJsonBodyIsRefusedWith413AndTheReasonUnread() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/api/classes/1/gradebook");
        request.setContentType("application/json");
        request.setContent(new byte[JsonBodyLimit.MAX_BYTES + 1]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        boolean[] reached = {false};
        new JsonBodyLimit().doFilter(request, response, (req, res) -> reached[0] = true);
        assertThat(reached[0]).as("the controller is never reached").isFalse();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("quá giới hạn của máy chủ")
                .contains("\"instance\":\"/api/classes/1/gradebook\"");
    }
}
