package vn.hocba.support;




import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Calls the REST API as a real client would: bearer token from /api/auth/token, JSON bodies. */
public final class ApiClient {

    public static final String DEMO_PASSWORD = "HocBa@2025";

    private final MockMvc mvc;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> tokens = new HashMap<>();

    public ApiClient(MockMvc mvc) {
        this.mvc = mvc;
    }

    public record Reply(int status, JsonNode body) {

        public String detail() {
            return body.path("detail").asText();
        }
    }

    /** A page as the person's browser would get it (HTML text). */
    public String page(String user, String path) {
        try {
            return mvc.perform(MockMvcRequestBuilders.get(path).header("Authorization", "Bearer " + token(user)))
                    .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Reply get(String user, String path) {
        return send(user, MockMvcRequestBuilders.get(path));
    }

    public Reply post(String user, String path, String jsonBody) {
        return send(user, MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(jsonBody));
    }

    public Reply send(String user, MockHttpServletRequestBuilder request) {
        if (user != null) {
            request.header("Authorization", "Bearer " + token(user));
        }
        try {
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            String text = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            return new Reply(response.getStatus(), text.isBlank() ? json.nullNode() : json.readTree(text));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body of a GET as bytes (a file download), failing unless the status is 200. */
    public byte[] download(String user, String path) {
        try {
            MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.get(path)
                    .header("Authorization", "Bearer " + token(user))).andReturn().getResponse();
            if (response.getStatus() != 200) {
                throw new IllegalStateException(path + " answered " + response.getStatus() + ": " + response.getContentAsString());
            }
            return response.getContentAsByteArray();
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String token(String user) {
        return tokens.computeIfAbsent(user, u -> {
            Reply reply = send(null, MockMvcRequestBuilders.post("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"username\":\"" + u + "\",\"password\":\"" + DEMO_PASSWORD + "\"}"));
            if (reply.status() != 200) {
                throw new IllegalStateException("Login of " + u + " failed: " + reply);
            }
            return reply.body().path("token").asText();
        });
    }
}
