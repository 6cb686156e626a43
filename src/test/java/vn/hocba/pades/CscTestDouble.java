package vn.hocba.pades;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for a CA's remote signing service behind the same HTTP interface (CSC API v2:
 * {@code credentials/list}, {@code credentials/info}, {@code credentials/authorize},
 * {@code signatures/signHash}), holding one RSA key taken from a PKCS#12 file. It checks the bearer
 * token, the PIN, and that a SAD is used for no more signatures than it authorised; it records the
 * hashes it signed.
 */
public final class CscTestDouble {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String token;
    private final String credentialId;
    private final String pin;
    private final PrivateKey key;
    private final List<String> chain = new ArrayList<>();
    private final Map<String, Integer> authorisations = new ConcurrentHashMap<>();
    public final List<byte[]> signedHashes = new CopyOnWriteArrayList<>();

    private CscTestDouble(String token, String credentialId, String pin, Path pkcs12, char[] password) throws Exception {
        this.token = token;
        this.credentialId = credentialId;
        this.pin = pin;
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(pkcs12)) {
            store.load(in, password);
        }
        String alias = store.aliases().nextElement();
        this.key = (PrivateKey) store.getKey(alias, password);
        for (Certificate c : store.getCertificateChain(alias)) {
            chain.add(Base64.getEncoder().encodeToString(c.getEncoded()));
        }
    }

    /** Serves the double under {@code basePath} of {@code http}; returns the API root URL. */
    public static CscTestDouble serve(PkiOverHttp http, String basePath, String token, String credentialId, String pin,
                                      Path pkcs12, char[] password) throws Exception {
        CscTestDouble service = new CscTestDouble(token, credentialId, pin, pkcs12, password);
        http.answer(basePath + "/", service::handle);
        return service;
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, JSON.createObjectNode().put("error", "invalid_token"));
            return;
        }
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        String method = exchange.getRequestURI().getPath().replaceAll(".*/(credentials|signatures)/", "$1/");
        if (!method.equals("credentials/list") && !credentialId.equals(request.path("credentialID").asText())) {
            answer(exchange, 400, error("invalid_request", "Invalid parameter credentialID"));
            return;
        }
        switch (method) {
            case "credentials/list" -> {
                ObjectNode list = JSON.createObjectNode();
                list.putArray("credentialIDs").add(credentialId);
                answer(exchange, 200, list);
            }
            case "credentials/info" -> {
                ObjectNode info = JSON.createObjectNode();
                info.putObject("key").put("status", "enabled").put("len", 2048).putArray("algo").add("1.2.840.113549.1.1.1");
                ObjectNode cert = info.putObject("cert").put("status", "valid");
                chain.forEach(cert.putArray("certificates")::add);
                answer(exchange, 200, info.put("authMode", "explicit").put("multisign", 100));
            }
            case "credentials/authorize" -> authorize(exchange, request);
            case "signatures/signHash" -> signHash(exchange, request);
            default -> answer(exchange, 404, error("invalid_request", "Unknown method " + method));
        }
    }

    private void authorize(HttpExchange exchange, JsonNode request) throws IOException {
        if (!pin.equals(request.path("PIN").asText())) {
            answer(exchange, 400, error("invalid_request", "The PIN is invalid"));
            return;
        }
        String sad = UUID.randomUUID().toString();
        authorisations.put(sad, request.path("numSignatures").asInt(1));
        answer(exchange, 200, JSON.createObjectNode().put("SAD", sad).put("expiresIn", 300));
    }

    private void signHash(HttpExchange exchange, JsonNode request) throws IOException {
        List<byte[]> hashes = new ArrayList<>();
        request.path("hashes").forEach(h -> hashes.add(Base64.getDecoder().decode(h.asText())));
        Integer left = authorisations.remove(request.path("SAD").asText());
        if (left == null || left < hashes.size() || !"2.16.840.1.101.3.4.2.1".equals(request.path("hashAlgorithmOID").asText())) {
            answer(exchange, 400, error("invalid_request", "Invalid SAD or hash algorithm"));
            return;
        }
        ObjectNode result = JSON.createObjectNode();
        for (byte[] hash : hashes) {
            signedHashes.add(hash);
            result.withArray("signatures").add(Base64.getEncoder().encodeToString(sign(hash)));
        }
        answer(exchange, 200, result);
    }

    /** RSASSA-PKCS1-v1_5 over the DigestInfo of a SHA-256 hash: what signAlgo sha256WithRSAEncryption asks for. */
    private byte[] sign(byte[] hash) {
        try {
            Signature rsa = Signature.getInstance("NONEwithRSA");
            rsa.initSign(key);
            rsa.update(new DigestInfo(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE), hash).getEncoded());
            return rsa.sign();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode error(String code, String description) {
        return JSON.createObjectNode().put("error", code).put("error_description", description);
    }

    private static void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
        PkiOverHttp.reply(exchange, status, "application/json", body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The API root of a double served at {@code basePath}. */
    public static URI root(PkiOverHttp http, String basePath) {
        return http.url(basePath);
    }
}
