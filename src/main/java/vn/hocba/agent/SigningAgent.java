package vn.hocba.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

/**
 * The agent's HTTP service on 127.0.0.1. Every request must come from a loopback address with a
 * {@code Host} of this loopback port (no DNS rebinding). {@code GET /} tells any web page whether
 * the agent runs and whether that page's origin is paired; {@code POST /pairing} lets a page ask for
 * pairing, which the person grants by typing the code the page shows; {@code GET /certificates} and
 * {@code POST /signatures} answer only paired origins, and CORS headers name that one origin.
 */
public final class SigningAgent implements AutoCloseable {

    public static final int DEFAULT_PORT = 17365;
    static final String VERSION = "1";
    private static final int MAX_BODY = 2 * 1024 * 1024;
    private static final int MAX_BATCH = 500;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final PairedOrigins paired;
    private final TokenKeys keys;
    private final PersonPrompt prompt;
    private final ObjectMapper json = new ObjectMapper();

    private SigningAgent(HttpServer server, PairedOrigins paired, TokenKeys keys, PersonPrompt prompt) {
        this.server = server;
        this.paired = paired;
        this.keys = keys;
        this.prompt = prompt;
    }

    /** Starts on 127.0.0.1:{@code port} (0 for any free port). */
    public static SigningAgent start(int port, PairedOrigins paired, TokenKeys keys, PersonPrompt prompt)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 16);
        SigningAgent agent = new SigningAgent(server, paired, keys, prompt);
        server.createContext("/", agent::handle);
        server.setExecutor(agent.executor);
        server.start();
        return agent;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public InetAddress address() {
        return server.getAddress().getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String origin = exchange.getRequestHeaders().getFirst("Origin");
            if (!AgentRequests.fromLoopback(exchange.getRemoteAddress().getAddress())
                    || !AgentRequests.loopbackHost(exchange.getRequestHeaders().getFirst("Host"), port())) {
                reply(exchange, 403, null, Map.of("error", "NOT_LOOPBACK",
                        "message", "Phần mềm ký số chỉ nhận yêu cầu từ chính máy này."));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            boolean open = path.equals("/") || path.equals("/pairing");
            boolean allowed = paired.contains(origin) || open && PairedOrigins.wellFormed(origin);
            if (!allowed) {
                reply(exchange, 403, null, Map.of("error", "NOT_PAIRED", "message",
                        "Trang web " + origin + " chưa được ghép nối với phần mềm ký số HocBa."));
                return;
            }
            if (method.equals("OPTIONS")) {
                preflight(exchange, origin);
                return;
            }
            switch (method + " " + path) {
                case "GET /" -> reply(exchange, 200, origin, Map.of("agent", "HocBa", "version", VERSION,
                        "paired", paired.contains(origin)));
                case "POST /pairing" -> pair(exchange, origin);
                case "GET /certificates" -> reply(exchange, 200, origin, Map.of("certificates",
                        keys.list().stream().map(AgentRequests::describe).toList()));
                case "POST /signatures" -> sign(exchange, origin);
                case "POST /certificates/reading" -> readTokens(exchange, origin);
                default -> reply(exchange, 404, origin, Map.of("error", "NOT_FOUND", "message", "Không có " + path));
            }
        } catch (RuntimeException e) {
            // a malformed request; the connection is closed with what was sent
        }
    }

    private void pair(HttpExchange exchange, String origin) throws IOException {
        JsonNode body = body(exchange);
        String code = body == null ? "" : body.path("code").asText("");
        String typed = prompt.pairingCode("Trang web " + origin + " xin ghép nối với phần mềm ký số HocBa trên máy này.\n"
                + "Chỉ đồng ý nếu đó đúng là địa chỉ HocBa của trường bạn. Nhập mã ghép nối đang hiện trên trang đó.")
                .orElse("");
        if (code.length() < 6 || !java.security.MessageDigest.isEqual(code.getBytes(StandardCharsets.UTF_8),
                typed.getBytes(StandardCharsets.UTF_8))) {
            reply(exchange, 403, origin, Map.of("error", "PAIRING_REFUSED",
                    "message", "Ghép nối không thành công: mã nhập vào phần mềm ký số không khớp với mã trên trang."));
            return;
        }
        paired.add(origin);
        reply(exchange, 200, origin, Map.of("paired", true));
    }

    private void sign(HttpExchange exchange, String origin) throws IOException {
        JsonNode body = body(exchange);
        if (body == null || !body.path("dataToSign").isArray() || body.path("dataToSign").size() == 0
                || body.path("dataToSign").size() > MAX_BATCH) {
            reply(exchange, 400, origin, Map.of("error", "BAD_REQUEST", "message", "Yêu cầu ký không hợp lệ."));
            return;
        }
        String id = body.path("certificate").asText("");
        List<byte[]> data = new java.util.ArrayList<>();
        body.path("dataToSign").forEach(n -> data.add(Base64.getDecoder().decode(n.asText())));
        TokenKeys.Listed certificate = keys.list().stream().filter(l -> l.id().equals(id)).findFirst().orElse(null);
        if (certificate == null) {
            reply(exchange, 409, origin, Map.of("error", "NO_SUCH_CERTIFICATE", "message",
                    "Không thấy chứng thư số đã chọn trên thiết bị ký đang cắm vào máy (thiết bị đã bị rút ra?)."));
            return;
        }
        String what = AgentRequests.question(origin, certificate, data.size(), body.path("description"));
        if (!prompt.confirm(what)) {
            reply(exchange, 409, origin, Map.of("error", "DECLINED", "message", "Bạn đã từ chối ký trên phần mềm ký số."));
            return;
        }
        char[] pin = prompt.pin("Nhập mã PIN của thiết bị ký để ký " + data.size() + " văn bản.").orElse(null);
        if (pin == null) {
            reply(exchange, 409, origin, Map.of("error", "DECLINED", "message", "Bạn đã hủy nhập mã PIN."));
            return;
        }
        try {
            List<byte[]> values = keys.signAll(id, pin, data);
            reply(exchange, 200, origin, Map.of("signatures",
                    values.stream().map(v -> Base64.getEncoder().encodeToString(v)).toList()));
        } catch (TokenKeys.TokenException e) {
            reply(exchange, 409, origin, Map.of("error", e.code(), "message", e.getMessage()));
        } finally {
            java.util.Arrays.fill(pin, '\0');
        }
    }

    private void readTokens(HttpExchange exchange, String origin) throws IOException {
        char[] pin = prompt.pin("Trang " + origin + " muốn xem các chứng thư số trên thiết bị ký (USB token). "
                + "Nhập mã PIN để đọc danh sách chứng thư số (không ký gì).").orElse(null);
        if (pin == null) {
            reply(exchange, 409, origin, Map.of("error", "DECLINED", "message", "Bạn đã hủy nhập mã PIN."));
            return;
        }
        try {
            reply(exchange, 200, origin, Map.of("certificates",
                    keys.readTokens(pin).stream().map(AgentRequests::describe).toList()));
        } catch (TokenKeys.TokenException e) {
            reply(exchange, 409, origin, Map.of("error", e.code(), "message", e.getMessage()));
        } finally {
            java.util.Arrays.fill(pin, '\0');
        }
    }

    private JsonNode body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            return bytes.length == 0 || bytes.length > MAX_BODY ? null : json.readTree(bytes);
        }
    }

    private void preflight(HttpExchange exchange, String origin) throws IOException {
        cors(exchange, origin);
        exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "GET, POST");
        exchange.getResponseHeaders().set("Access-Control-Allow-Headers", "Content-Type");
        exchange.getResponseHeaders().set("Access-Control-Allow-Private-Network", "true");
        exchange.getResponseHeaders().set("Access-Control-Max-Age", "600");
        exchange.sendResponseHeaders(204, -1);
    }

    private static void cors(HttpExchange exchange, String origin) {
        exchange.getResponseHeaders().set("Vary", "Origin");
        if (origin != null) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
        }
    }

    private void reply(HttpExchange exchange, int status, String origin, Map<String, ?> body) throws IOException {
        if (origin != null) {
            cors(exchange, origin);
        }
        byte[] bytes = json.writeValueAsBytes(new LinkedHashMap<>(body));
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
