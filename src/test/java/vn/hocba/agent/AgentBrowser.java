package vn.hocba.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** What a HocBa page's script sends to the agent, from one web origin (tests of the server-side flow). */
public final class AgentBrowser {

    /** The agent's answer: status and JSON body. */
    public record Answer(int status, JsonNode body) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String origin;
    private final int port;

    public AgentBrowser(String origin, int port) {
        this.origin = origin;
        this.port = port;
    }

    public Answer pair(String code) throws Exception {
        return send("POST", "/pairing", json.writeValueAsString(Map.of("code", code)));
    }

    public Answer readTokens() throws Exception {
        return send("POST", "/certificates/reading", "{}");
    }

    public Answer sign(String certificateId, List<String> dataToSign, String kind, String classCode) throws Exception {
        return send("POST", "/signatures", json.writeValueAsString(Map.of("certificate", certificateId,
                "dataToSign", dataToSign, "description", Map.of("kind", kind, "classCode", classCode))));
    }

    /** The chain (Base64 DER) of certificate {@code id} as the agent lists it. */
    public List<String> chain(String id) throws Exception {
        for (JsonNode c : send("GET", "/certificates", null).body().path("certificates")) {
            if (c.path("id").asText().equals(id)) {
                return json.convertValue(c.path("chain"), json.getTypeFactory().constructCollectionType(List.class,
                        String.class));
            }
        }
        throw new AssertionError("the agent does not list certificate " + id);
    }

    private Answer send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Origin", origin)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), json.readTree(response.body()));
    }
}
