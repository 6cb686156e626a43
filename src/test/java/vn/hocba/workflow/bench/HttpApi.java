package vn.hocba.workflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.hocba.support.ApiClient;
import vn.hocba.support.ApiClient.Reply;

/**
 * The REST API over real HTTP (the embedded Tomcat on a random port), as a person's client calls it:
 * bearer token from {@code POST /api/auth/token}, JSON bodies. Thread-safe: one instance serves
 * many concurrent clients.
 */
public final class HttpApi {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final String base;

    public HttpApi(int port) {
        this("http://localhost:" + port);
    }

    /** The API of the application at {@code base} (e.g. a child JVM's {@code http://localhost:port}). */
    public HttpApi(String base) {
        this.base = base;
    }

    public Reply get(String user, String path) {
        return reply(send(user, request(user, path).GET(), HttpResponse.BodyHandlers.ofByteArray()));
    }

    public Reply post(String user, String path, String body) {
        return reply(send(user, request(user, path).POST(HttpRequest.BodyPublishers.ofString(body)),
                HttpResponse.BodyHandlers.ofByteArray()));
    }

    public Reply put(String user, String path, String body) {
        return reply(send(user, request(user, path).PUT(HttpRequest.BodyPublishers.ofString(body)),
                HttpResponse.BodyHandlers.ofByteArray()));
    }

    /** A POST that must answer {@code expected}; anything else stops the run with the server's answer. */
    Reply expect(int expected, String user, String path, String body) {
        Reply reply = post(user, path, body);
        if (reply.status() != expected) {
            throw new IllegalStateException("POST " + path + " as " + user + " answered " + reply);
        }
        return reply;
    }

    /** The body of a GET as bytes (a file download), failing unless the status is 200. */
    byte[] download(String user, String path) {
        HttpResponse<byte[]> response = send(user, request(user, path).GET(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** Logs the person in now, so that timed requests do not include the password check. */
    public void login(String user) {
        token(user);
    }

    private HttpRequest.Builder request(String user, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(10))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        return user == null ? request : request.header("Authorization", "Bearer " + token(user));
    }

    private <T> HttpResponse<T> send(String user, HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Reply reply(HttpResponse<byte[]> response) {
        try {
            byte[] body = response.body();
            return new Reply(response.statusCode(), body.length == 0 ? json.nullNode() : json.readTree(body));
        } catch (IOException e) {
            return new Reply(response.statusCode(), json.getNodeFactory().textNode(new String(response.body(),
                    java.nio.charset.StandardCharsets.UTF_8)));
        }
    }

    private String token(String user) {
        return tokens.computeIfAbsent(user, u -> {
            Reply reply = reply(send(null, request(null, "/api/auth/token").POST(HttpRequest.BodyPublishers.ofString(
                    "{\"username\":\"" + u + "\",\"password\":\"" + ApiClient.DEMO_PASSWORD + "\"}")),
                    HttpResponse.BodyHandlers.ofByteArray()));
            if (reply.status() != 200) {
                throw new IllegalStateException("Login of " + u + " failed: " + reply);
            }
            return reply.body().path("token").asText();
        });
    }
}
