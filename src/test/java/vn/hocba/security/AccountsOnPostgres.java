package vn.hocba.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import vn.hocba.support.ApiClient;
import vn.hocba.support.EmbeddedPostgresDatabases;

/**
 * Accounts, logins and tokens over HTTP (MockMvc through the whole security filter chain) on real
 * PostgreSQL with the demo school. The test classes extending this share one application context
 * and database, so each uses its own demo accounts and client addresses.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AccountsOnPostgres {

    static final String DEMO_PASSWORD = ApiClient.DEMO_PASSWORD;
    static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabases.register(registry, "accounts_api");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    record Reply(int status, JsonNode body) {

        String detail() {
            return body.path("detail").asText();
        }
    }

    /** POST /api/auth/token from {@code address}. */
    Reply tokenRequest(String user, String password, String address) {
        return send(null, tokenCall(user, password, address));
    }

    MockHttpServletRequestBuilder tokenCall(String user, String password, String address) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("username", user);
        body.put("password", password);
        return MockMvcRequestBuilders.post("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content(json(body)).with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                });
    }

    /** A bearer token of {@code user}, failing unless the login succeeds. */
    String token(String user, String password, String address) {
        Reply reply = tokenRequest(user, password, address);
        if (reply.status() != 200) {
            throw new IllegalStateException("Login of " + user + " from " + address + " failed: " + reply);
        }
        return reply.body().path("token").asText();
    }

    String token(String user) {
        return token(user, DEMO_PASSWORD, "127.0.0.1");
    }

    /** Logs in through the login form from {@code address}; the session, or null when refused. */
    MockHttpSession formLogin(String user, String password, String address) throws Exception {
        var result = mvc.perform(MockMvcRequestBuilders.post("/login").param("username", user)
                .param("password", password).with(csrf()).with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                })).andReturn();
        return "/".equals(result.getResponse().getRedirectedUrl()) ? (MockHttpSession) result.getRequest().getSession(false) : null;
    }

    /** GET {@code path} in a browser session. */
    int statusInSession(MockHttpSession session, String path) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).session(session)).andReturn().getResponse().getStatus();
    }

    Reply get(String bearer, String path) {
        return send(bearer, MockMvcRequestBuilders.get(path));
    }

    Reply post(String bearer, String path, Object body) {
        return send(bearer, MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(json(body)));
    }

    Reply put(String bearer, String path, Object body) {
        return send(bearer, MockMvcRequestBuilders.put(path).contentType(MediaType.APPLICATION_JSON).content(json(body)));
    }

    Reply send(String bearer, MockHttpServletRequestBuilder request) {
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            String text = response.getContentAsString(StandardCharsets.UTF_8);
            return new Reply(response.getStatus(), text.isBlank() ? JSON.nullNode() : JSON.readTree(text));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    long staffIdOf(String username) {
        return jdbc.sql("select staff_id from account where username = ?").param(username).query(Long.class).single();
    }

    long auditEntries(String action, String target) {
        return jdbc.sql("select count(*) from audit_entry where action = ? and target = ?").params(action, target)
                .query(Long.class).single();
    }

    static String json(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
