package vn.hocba.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hocba.support.HttpUser;

/**
 * Issue 13 item 20, over real HTTP (Tomcat): behind a TLS-terminating reverse proxy on this host the
 * session cookie is {@code Secure}, so a browser never sends it over plain HTTP; without the proxy's
 * {@code X-Forwarded-Proto: https} (development on http://localhost) it is not, or login would not work.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hocba.demo.enabled=false", "spring.datasource.url=jdbc:h2:mem:secure-cookie;DB_CLOSE_DELAY=-1"})
class SessionCookieBehindHttpsTest {

    @LocalServerPort
    int port;

    @Test
    void theSessionCookieIsSecureWhenTheProxyReceivedHttps() {
        HttpUser browser = new HttpUser(port);
        List<String> cookies = sessionCookies(browser.send(browser.get("/login").header("X-Forwarded-Proto", "https")));
        assertThat(cookies).isNotEmpty().allSatisfy(c -> assertThat(c).contains("; Secure").contains("HttpOnly"));
    }

    @Test
    void theSessionCookieIsPlainOverPlainHttp() {
        HttpUser browser = new HttpUser(port);
        List<String> cookies = sessionCookies(browser.send(browser.get("/login")));
        assertThat(cookies).isNotEmpty().noneSatisfy(c -> assertThat(c).contains("Secure"));
    }

    private static List<String> sessionCookies(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).toList();
    }
}
