package vn.hocba.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** API requests to a {@link ChildApplication} as a demo account (bearer token from {@code /api/auth/token}). */
public final class ChildRequests {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    /** POST without a body; status -1 when the connection died (the child was killed or its database stopped). */
    public ApiClient.Reply post(ChildApplication app, String user, String path) {
        try {
            HttpResponse<String> r = http.send(request(app, user, path).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new ApiClient.Reply(r.statusCode(), r.body().isEmpty() ? json.nullNode() : readOrText(r.body()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            return new ApiClient.Reply(-1, json.getNodeFactory().textNode(e.toString()));
        }
    }

    /** GET of a file; fails unless 200. */
    public byte[] download(ChildApplication app, String user, String path) throws Exception {
        HttpResponse<byte[]> r = http.send(request(app, user, path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " as " + user + ": " + r.statusCode() + " " + new String(r.body()));
        }
        return r.body();
    }

    private JsonNode readOrText(String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            return json.getNodeFactory().textNode(body);
        }
    }

    private HttpRequest.Builder request(ChildApplication app, String user, String path) throws Exception {
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/auth/token"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + user + "\",\"password\":\"" + ApiClient.DEMO_PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 200) {
            throw new IllegalStateException("login of " + user + " answered " + token.statusCode() + " " + token.body());
        }
        JsonNode body = json.readTree(token.body());
        return HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + body.path("token").asText());
    }
}
