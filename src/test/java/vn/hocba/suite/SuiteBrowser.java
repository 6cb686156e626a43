package vn.hocba.suite;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One persona's browser at the running application: its own cookie jar (the session after the login form),
 * the session's CSRF token sent with every request that changes something (as the pages' scripts do, header
 * {@code X-CSRF-TOKEN}), redirects not followed. The anonymous persona has a session and a token too (from the
 * login page), so its refusals come from the authorization rules, not from a missing token.
 */
final class SuiteBrowser {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    static final String PASSWORD = "HocBa@2025";

    /** What the server answered, and how long it took. */
    record Answer(int status, String body, String location, long millis) {

        /** Refused by authentication or authorization: 401, 403, or a page sending the person to the login form. */
        boolean refused() {
            return status == 401 || status == 403 || (status == 302 && location != null && location.contains("/login"));
        }
    }

    private final String base;
    private final HttpClient http;
    private final String name;
    private String csrf;

    private SuiteBrowser(int port, String name) {
        this.base = "http://localhost:" + port;
        this.name = name;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A browser that opened the login page and did not log in. */
    static SuiteBrowser anonymous(int port) {
        SuiteBrowser b = new SuiteBrowser(port, "anonymous");
        b.csrf = b.csrfFrom(b.send("GET", "/login", null, null).body());
        return b;
    }

    /** A browser that logged in through the form as {@code username}. */
    static SuiteBrowser loggedIn(int port, String username) {
        SuiteBrowser b = new SuiteBrowser(port, username);
        String token = b.csrfFrom(b.send("GET", "/login", null, null).body());
        String form = "username=" + enc(username) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(token);
        Answer login = b.send("POST", "/login", form.getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
        if (login.status() != 302 || login.location() == null || login.location().contains("error")) {
            throw new IllegalStateException("Login of " + username + " failed: " + login);
        }
        // the token of the new session (the login changed the session id), from the home page's logout form
        b.csrf = b.csrfFrom(b.send("GET", "/", null, null).body());
        return b;
    }

    String name() {
        return name;
    }

    Answer send(String method, String path, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, text/html;q=0.9, */*;q=0.5")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (csrf != null) {
            request.header("X-CSRF-TOKEN", csrf);
        }
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new Answer(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8),
                    response.headers().firstValue("Location").orElse(null), millis);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " as " + name + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String csrfFrom(String html) {
        Matcher m = CSRF_FIELD.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("No CSRF token on the page for " + name);
        }
        return m.group(1);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
