package vn.hocba.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One person at a real HTTP connection to the running application (RANDOM_PORT): their own cookies
 * (the session after a form login), and a bearer token when asked for one. Redirects are not followed,
 * so a test sees exactly what the server answered.
 */
public final class HttpUser {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    public HttpUser(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Logs in through the login form (with its CSRF token) and keeps the session cookie; fails unless it worked. */
    public HttpUser logIn(String username, String password) {
        HttpResponse<String> page = send(get("/login"));
        Matcher csrf = CSRF_FIELD.matcher(page.body());
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF field on the login page");
        }
        HttpResponse<String> login = send(form("/login", Map.of("username", username, "password", password,
                "_csrf", csrf.group(1))));
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("Login of " + username + " failed: " + login.statusCode() + " " + location);
        }
        return this;
    }

    /** A bearer token for the person from {@code POST /api/auth/token}. */
    public String token(String username, String password) {
        HttpResponse<String> reply = send(HttpRequest.newBuilder(uri("/api/auth/token")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")));
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("Token for " + username + " refused: " + reply.statusCode() + " " + reply.body());
        }
        return reply.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    /** The value of a cookie this person holds, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue)
                .findFirst().orElse(null);
    }

    public HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    public HttpRequest.Builder json(String method, String path, String body) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
    }

    public HttpRequest.Builder form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** A multipart/form-data POST with one file part (and a {@code deployment-name} field, as Camunda's deployment API takes). */
    public HttpRequest.Builder multipart(String path, String fieldName, String fileName, byte[] content) {
        String boundary = "----hocba" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nx\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fieldName + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }
}
