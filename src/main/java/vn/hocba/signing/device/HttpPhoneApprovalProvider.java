package vn.hocba.signing.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import vn.hocba.common.AnswerTooLargeException;
import vn.hocba.common.BoundedAnswer;
import vn.hocba.signing.registry.CertificateChains;

/**
 * The phone-approval flow over JSON/HTTPS: {@code POST v1/auth/token} (client id and secret, the
 * secret from the environment) → {@code POST v1/signatures} (user id, Base64 SHA-256 hashes) →
 * {@code GET v1/signatures/{transaction}} ({@code PENDING}, {@code SIGNED} with the values and the
 * signer's certificate, {@code REFUSED}, {@code EXPIRED}); {@code GET v1/users/{id}/certificate}
 * gives the chain to register. A provider whose endpoints are named otherwise gets an adapter of
 * its own behind {@link PhoneApprovalProvider}. An answer is read up to a limit (setting
 * {@code max-answer-size}, {@link #MAX_ANSWER} by default); a longer one is refused ({@link BoundedAnswer}).
 */
public final class HttpPhoneApprovalProvider implements PhoneApprovalProvider {

    /** The most bytes read from one answer by default: 4 MB (a chain or a batch's signature values are kilobytes). */
    public static final long MAX_ANSWER = 4L * 1024 * 1024;

    private final String name;
    private final String displayName;
    private final URI base;
    private final String clientId;
    private final String clientSecret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final BoundedAnswer answers;
    private String token;

    public HttpPhoneApprovalProvider(String name, String displayName, URI base, String clientId, String clientSecret) {
        this(name, displayName, base, clientId, clientSecret, MAX_ANSWER);
    }

    /** @param maxAnswer the most bytes read from one answer */
    public HttpPhoneApprovalProvider(String name, String displayName, URI base, String clientId, String clientSecret,
            long maxAnswer) {
        this.name = name;
        this.displayName = displayName;
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.answers = new BoundedAnswer("Dịch vụ ký từ xa " + displayName + " (" + this.base + ")", maxAnswer,
                "hocba.own-keys.remote-providers[…].max-answer-size");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public List<X509Certificate> certificateChain(String userId) {
        JsonNode reply = call("GET", "v1/users/" + encode(userId) + "/certificate", null);
        List<String> chain = new ArrayList<>();
        reply.path("chain").forEach(n -> chain.add(n.asText()));
        return CertificateChains.fromBase64(chain);
    }

    @Override
    public Submitted submit(String userId, List<byte[]> sha256Digests, String description) {
        JsonNode reply = call("POST", "v1/signatures", Map.of("user_id", userId, "hash_algorithm", "SHA-256",
                "hashes", sha256Digests.stream().map(h -> Base64.getEncoder().encodeToString(h)).toList(),
                "description", description));
        return new Submitted(reply.path("transaction_id").asText(), Instant.parse(reply.path("expires_at").asText()));
    }

    @Override
    public Status poll(String transactionId) {
        JsonNode reply = call("GET", "v1/signatures/" + encode(transactionId), null);
        State state = State.valueOf(reply.path("status").asText());
        if (state != State.SIGNED) {
            return new Status(state, List.of(), null);
        }
        List<byte[]> values = new ArrayList<>();
        reply.path("signatures").forEach(n -> values.add(Base64.getDecoder().decode(n.asText())));
        X509Certificate signer = CertificateChains.fromBase64(List.of(reply.path("certificate").asText())).get(0);
        return new Status(state, values, signer);
    }

    private synchronized String token() {
        if (token == null) {
            token = send("POST", "v1/auth/token", Map.of("client_id", clientId, "client_secret", clientSecret), null)
                    .path("access_token").asText();
        }
        return token;
    }

    private JsonNode call(String method, String path, Object body) {
        return send(method, path, body, token());
    }

    private JsonNode send(String method, String path, Object body, String bearer) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            HttpResponse<byte[]> response = answers.send(http, request.build());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(displayName + " trả lời HTTP " + response.statusCode());
            }
            return json.readTree(response.body());
        } catch (AnswerTooLargeException e) {
            throw new IllegalStateException(e.getMessage() + "; câu trả lời bị bỏ, chưa ký văn bản nào", e);
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bị ngắt", e);
        }
    }

    /**
     * One path segment, form-encoded; "." and ".." are refused: encoding leaves them as they are, and
     * "v1/users/../certificate" would ask for "v1/certificate" (attack 30).
     */
    private static String encode(String segment) {
        if (segment.equals(".") || segment.equals("..")) {
            throw new IllegalArgumentException("«" + segment + "» không phải một mã hợp lệ");
        }
        return java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8);
    }
}
