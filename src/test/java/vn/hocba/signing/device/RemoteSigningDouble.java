package vn.hocba.signing.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;

/**
 * A remote signing service whose users approve on their phone, in-process over HTTP on 127.0.0.1
 * (the protocol of {@link HttpPhoneApprovalProvider}). Each user id behaves as a scenario: approves
 * after {@code approvalDelay}, refuses, lets the request expire, or signs with another certificate.
 */
public final class RemoteSigningDouble implements AutoCloseable {

    public enum Behaviour { APPROVE, REFUSE, EXPIRE, WRONG_CERTIFICATE }

    public record Key(PrivateKey key, X509Certificate certificate) {
    }

    /** A new key and certificate for {@code name} from the development PKI kept in {@code pkiDirectory}. */
    public static Key issue(vn.hocba.pades.devpki.DevelopmentPki pki, java.nio.file.Path pkiDirectory, String name)
            throws Exception {
        X509Certificate certificate = pki.issue(name, "Giáo viên", null).certificate();
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(vn.hocba.agent.AgentFixture.keyFile(pkiDirectory, certificate))) {
            store.load(in, vn.hocba.pades.devpki.DevelopmentPki.PASSWORD.toCharArray());
        }
        return new Key((PrivateKey) store.getKey(store.aliases().nextElement(),
                vn.hocba.pades.devpki.DevelopmentPki.PASSWORD.toCharArray()), certificate);
    }

    private record Transaction(String user, List<byte[]> hashes, Instant submitted, Instant expires) {
    }

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Behaviour> users = new ConcurrentHashMap<>();
    private final Map<String, Key> keys = new ConcurrentHashMap<>();
    private final Map<String, Key> wrongKeys = new ConcurrentHashMap<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final Map<String, Transaction> transactions = new ConcurrentHashMap<>();
    private final Key other;
    private final Duration approvalDelay;
    private final Duration expiry;
    final List<String> descriptions = new java.util.concurrent.CopyOnWriteArrayList<>();

    public RemoteSigningDouble(Key other, Duration approvalDelay, Duration expiry) throws IOException {
        this.other = other;
        this.approvalDelay = approvalDelay;
        this.expiry = expiry;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 8);
        server.createContext("/", this::handle);
        server.start();
    }

    public void user(String id, Key key, Behaviour behaviour) {
        keys.put(id, key);
        users.put(id, behaviour);
    }

    /** As {@link #user(String, Key, Behaviour)}, the person answering on the phone after {@code delay}. */
    public void user(String id, Key key, Behaviour behaviour, Duration delay) {
        user(id, key, behaviour);
        delays.put(id, delay);
    }

    /** A user whose service advertises {@code advertised} but whose approvals come signed with {@code signsWith}. */
    public void userSigningWith(String id, Key advertised, Key signsWith) {
        user(id, advertised, Behaviour.WRONG_CERTIFICATE);
        wrongKeys.put(id, signsWith);
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            JsonNode body = exchange.getRequestMethod().equals("POST") ? json.readTree(exchange.getRequestBody()) : null;
            if (path.equals("/v1/auth/token")) {
                boolean ok = body.path("client_secret").asText().equals("secret-from-env");
                reply(exchange, ok ? 200 : 401, Map.of("access_token", ok ? "t-1" : ""));
                return;
            }
            if (!"Bearer t-1".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                reply(exchange, 401, Map.of("error", "unauthenticated"));
            } else if (path.startsWith("/v1/users/")) {
                String user = path.split("/")[3];
                reply(exchange, 200, Map.of("chain", List.of(b64(keys.get(user).certificate().getEncoded()))));
            } else if (path.equals("/v1/signatures")) {
                List<byte[]> hashes = new ArrayList<>();
                body.path("hashes").forEach(h -> hashes.add(Base64.getDecoder().decode(h.asText())));
                descriptions.add(body.path("description").asText());
                String id = UUID.randomUUID().toString();
                Instant now = Instant.now();
                transactions.put(id, new Transaction(body.path("user_id").asText(), hashes, now, now.plus(expiry)));
                reply(exchange, 200, Map.of("transaction_id", id, "expires_at", now.plus(expiry).toString()));
            } else if (path.startsWith("/v1/signatures/")) {
                reply(exchange, 200, status(transactions.get(path.substring("/v1/signatures/".length()))));
            } else {
                reply(exchange, 404, Map.of());
            }
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private Map<String, Object> status(Transaction t) throws Exception {
        Behaviour behaviour = users.get(t.user());
        Instant now = Instant.now();
        if (behaviour == Behaviour.EXPIRE || now.isAfter(t.expires())) {
            return Map.of("status", now.isAfter(t.expires()) ? "EXPIRED" : "PENDING");
        }
        if (now.isBefore(t.submitted().plus(delays.getOrDefault(t.user(), approvalDelay)))) {
            return Map.of("status", "PENDING");
        }
        if (behaviour == Behaviour.REFUSE) {
            return Map.of("status", "REFUSED");
        }
        Key key = behaviour == Behaviour.WRONG_CERTIFICATE ? wrongKeys.getOrDefault(t.user(), other) : keys.get(t.user());
        List<String> values = new ArrayList<>();
        for (byte[] hash : t.hashes()) {
            Signature rsa = Signature.getInstance("NONEwithRSA");
            rsa.initSign(key.key());
            rsa.update(new DigestInfo(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), hash).getEncoded());
            values.add(b64(rsa.sign()));
        }
        return Map.of("status", "SIGNED", "signatures", values, "certificate", b64(key.certificate().getEncoded()));
    }

    private void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
