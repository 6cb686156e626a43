package vn.hocba.pades;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.hocba.common.AnswerTooLargeException;
import vn.hocba.common.BoundedAnswer;

/**
 * A client of a remote signing service speaking the Cloud Signature Consortium API v2 (the key
 * stays with the CA; the server sends SHA-256 digests of the DER signed attributes and gets raw
 * signature values back): {@code credentials/list}, {@code credentials/info},
 * {@code credentials/authorize}, {@code signatures/signHash}, each a JSON POST with the service
 * account's OAuth2 bearer token. A refusal becomes a {@link SigningException} naming the service,
 * the call and the service's own {@code error_description}. An answer is read up to {@link #MAX_ANSWER}
 * bytes; a longer one is refused ({@link BoundedAnswer}) and nothing is signed.
 */
public final class CscClient implements RemoteSigningService {

    /** SHA-256 (the digest of the signed attributes). */
    static final String SHA256 = "2.16.840.1.101.3.4.2.1";
    private static final String SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
    private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The most bytes read from one answer: 8 MB, room for a chain of large certificates or a signHash answer for
     * thousands of documents (≈ 700 bytes per RSA-4096 value in Base64).
     */
    public static final long MAX_ANSWER = 8L * 1024 * 1024;

    private final URI baseUrl;
    private final char[] accessToken;
    private final Duration timeout;
    private final HttpClient http;
    private final BoundedAnswer answers;
    private final Map<String, List<X509Certificate>> chains = new ConcurrentHashMap<>();

    /**
     * @param baseUrl     the service's API root, e.g. {@code https://rs.example-ca.vn/csc/v2}
     * @param accessToken the OAuth2 bearer token of the school's service account
     * @param proxy       outgoing HTTP proxy, or null
     */
    public CscClient(URI baseUrl, char[] accessToken, Duration timeout, ProxySelector proxy) {
        this(baseUrl, accessToken, timeout, proxy, MAX_ANSWER);
    }

    /** @param maxAnswer the most bytes read from one answer */
    public CscClient(URI baseUrl, char[] accessToken, Duration timeout, ProxySelector proxy, long maxAnswer) {
        this.baseUrl = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/");
        this.accessToken = accessToken.clone();
        this.timeout = timeout;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout);
        this.http = (proxy == null ? builder : builder.proxy(proxy)).build();
        this.answers = new BoundedAnswer("dịch vụ", maxAnswer, null);
    }

    @Override
    public List<String> credentialIds() {
        List<String> ids = new ArrayList<>();
        call("credentials/list", JSON.createObjectNode()).path("credentialIDs").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    /** The chain from {@code credentials/info}, asked once per credential and process. */
    @Override
    public List<X509Certificate> certificateChain(String credentialId) {
        return chains.computeIfAbsent(credentialId, this::fetchChain);
    }

    private List<X509Certificate> fetchChain(String credentialId) {
        JsonNode info = call("credentials/info", JSON.createObjectNode().put("credentialID", credentialId)
                .put("certificates", "chain"));
        if (!"enabled".equals(info.path("key").path("status").asText("enabled"))) {
            throw refusal("credentials/info", "khóa " + credentialId + " đang bị khóa (key.status = "
                    + info.path("key").path("status").asText() + ")");
        }
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (JsonNode encoded : info.path("cert").path("certificates")) {
                chain.add((X509Certificate) factory.generateCertificate(
                        new ByteArrayInputStream(Base64.getDecoder().decode(encoded.asText()))));
            }
        } catch (CertificateException | IllegalArgumentException e) {
            throw refusal("credentials/info", "chứng thư số của khóa " + credentialId + " không đọc được");
        }
        if (chain.isEmpty()) {
            throw refusal("credentials/info", "dịch vụ không gửi chứng thư số của khóa " + credentialId);
        }
        return List.copyOf(chain);
    }

    @Override
    public String authorize(String credentialId, int numberOfSignatures, String activationData) {
        ObjectNode request = JSON.createObjectNode().put("credentialID", credentialId)
                .put("numSignatures", numberOfSignatures);
        if (activationData != null) {
            request.put("PIN", activationData);
        }
        String sad = call("credentials/authorize", request).path("SAD").asText("");
        if (sad.isEmpty()) {
            throw refusal("credentials/authorize", "dịch vụ không cấp mã kích hoạt chữ ký (SAD)");
        }
        return sad;
    }

    @Override
    public List<byte[]> signHashes(String credentialId, String signatureActivationData, List<byte[]> sha256Digests) {
        String algorithm = "EC".equals(certificateChain(credentialId).get(0).getPublicKey().getAlgorithm())
                ? ECDSA_WITH_SHA256 : SHA256_WITH_RSA;
        return signHashes(credentialId, signatureActivationData, sha256Digests, algorithm);
    }

    private List<byte[]> signHashes(String credentialId, String sad, List<byte[]> sha256Digests, String signAlgorithm) {
        ObjectNode request = JSON.createObjectNode().put("credentialID", credentialId).put("SAD", sad)
                .put("hashAlgorithmOID", SHA256).put("signAlgo", signAlgorithm);
        sha256Digests.forEach(d -> request.withArray("hashes").add(Base64.getEncoder().encodeToString(d)));
        List<byte[]> values = new ArrayList<>();
        call("signatures/signHash", request).path("signatures")
                .forEach(s -> values.add(Base64.getDecoder().decode(s.asText())));
        if (values.size() != sha256Digests.size()) {
            throw refusal("signatures/signHash", "dịch vụ trả về " + values.size() + " chữ ký cho "
                    + sha256Digests.size() + " giá trị băm");
        }
        return values;
    }

    private JsonNode call(String method, ObjectNode body) {
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve(method)).timeout(timeout)
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + new String(accessToken))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        HttpResponse<byte[]> response;
        try {
            response = answers.send(http, request);
        } catch (HttpTimeoutException e) {
            throw refusal(method, "dịch vụ không trả lời trong " + timeout.toSeconds() + " giây");
        } catch (AnswerTooLargeException e) {
            throw refusal(method, e.getMessage());
        } catch (IOException e) {
            throw refusal(method, "không kết nối được (" + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refusal(method, "yêu cầu bị ngắt");
        }
        if (response.statusCode() == 200) {
            return parse(method, response.body());
        }
        JsonNode answer = parseError(response.body());
        String description = answer.path("error_description").asText(answer.path("error").asText(""));
        throw refusal(method, (response.statusCode() == 401 ? "dịch vụ không chấp nhận tài khoản của nhà trường"
                : method.equals("credentials/authorize") ? "dịch vụ từ chối cấp quyền ký (kiểm tra mã PIN/OTP)"
                : "dịch vụ trả về lỗi HTTP " + response.statusCode())
                + (description.isEmpty() ? "" : ": " + description));
    }

    private static JsonNode parseError(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode(); // an HTML error page: the status says enough
        }
    }

    private JsonNode parse(String method, byte[] body) {
        try {
            return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw refusal(method, "dịch vụ trả lời không phải JSON");
        }
    }

    private SigningException refusal(String method, String reason) {
        return new SigningException("Dịch vụ ký từ xa " + baseUrl + " (" + method + "): " + reason
                + ". Văn bản chưa được ký.");
    }
}
