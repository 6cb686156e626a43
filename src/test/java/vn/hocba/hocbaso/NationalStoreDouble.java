package vn.hocba.hocbaso;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.w3c.dom.Document;

/**
 * An in-process HTTP stand-in for the national store (an outside system), speaking the protocol of
 * {@link HttpNationalStore}: messages are acknowledged at once and processed 300 ms later on another
 * thread (status "01" until then, "03" after); a package whose manifest signature does not verify is
 * rejected as a whole; a record whose personal id the "population database" does not know gets "02"
 * with an error naming the field; a recall marks the record as no longer in circulation.
 */
final class NationalStoreDouble implements AutoCloseable {

    static final String USER = "truong-01001902";
    static final String PASSWORD = "mat-khau-thu";

    private final HttpServer server;
    private final ScheduledExecutorService processor = Executors.newSingleThreadScheduledExecutor();
    private final List<X509Certificate> roots = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, String> referenceByKey = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> statusByReference = new ConcurrentHashMap<>();
    private final AtomicInteger messages = new AtomicInteger();
    private final AtomicInteger nationalIds = new AtomicInteger(1000);
    final Set<String> unknownPersonalIds = ConcurrentHashMap.newKeySet();
    final Set<String> recalled = ConcurrentHashMap.newKeySet();
    final AtomicInteger unavailableFor = new AtomicInteger();

    NationalStoreDouble(List<X509Certificate> roots) throws IOException {
        this.roots.addAll(roots);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/messages", this::handle);
        server.start();
    }

    /** Trusts these roots too (the school's issuing certificate registered with the store). */
    void trust(List<X509Certificate> more) {
        roots.addAll(more);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Messages received and processed (a repeated idempotency key is not counted again). */
    int messagesReceived() {
        return messages.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, Map.of("loi", "sai thông tin xác thực"));
        } else if (unavailableFor.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            answer(exchange, 503, Map.of("loi", "hệ thống đang bảo trì"));
        } else if ("POST".equals(exchange.getRequestMethod())) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String purpose = exchange.getRequestHeaders().getFirst("X-Message-Purpose");
            String reference = referenceByKey.computeIfAbsent(key, k -> accept(purpose, body));
            answer(exchange, 202, Map.of("reference", reference));
        } else {
            String reference = exchange.getRequestURI().getPath().replaceFirst("^/messages/", "");
            Map<String, Object> status = statusByReference.get(reference);
            answer(exchange, status == null ? 404 : 200, status == null ? Map.of("loi", "không có") : status);
        }
    }

    private String accept(String purpose, byte[] body) {
        String reference = "MSG-" + messages.incrementAndGet();
        statusByReference.put(reference, Map.of("trang_thai", "01", "ket_qua", List.of()));
        processor.schedule(() -> statusByReference.put(reference, Map.of("trang_thai", "03",
                "ket_qua", NationalStore.RECALL.equals(purpose) ? recall(body) : create(body))), 300, TimeUnit.MILLISECONDS);
        return reference;
    }

    private List<Map<String, Object>> recall(byte[] body) {
        String nationalId = new String(body, StandardCharsets.UTF_8).trim();
        recalled.add(nationalId);
        return List.of(Map.of("tep", nationalId, "ket_qua", "01", "ma_dinh_danh_hoc_ba", nationalId, "loi", List.of()));
    }

    private List<Map<String, Object>> create(byte[] zip) {
        boolean signed = ClassPackage.check(zip, roots).valid();
        List<Map<String, Object>> results = new ArrayList<>();
        ClassPackage.records(zip).forEach((file, xml) -> {
            Document record = XmlDocuments.parse(xml);
            String personalId = record.getElementsByTagName(HocBaSoProfile.PERSONAL_ID).item(0).getTextContent();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("tep", file);
            if (!signed) {
                result.put("ket_qua", "02");
                result.put("loi", List.of(Map.of("ma", "GOI_CHU_KY", "ten", "chữ ký của gói không hợp lệ")));
            } else if (unknownPersonalIds.contains(personalId)) {
                result.put("ket_qua", "02");
                result.put("loi", List.of(Map.of("ma", "NGUOI_HOC_SDDCN",
                        "ten", "NGUOI_HOC/SO_DINH_DANH_CA_NHAN " + personalId + " không có trong CSDL quốc gia về dân cư")));
            } else {
                result.put("ket_qua", "01");
                result.put("ma_dinh_danh_hoc_ba", "HBS-" + nationalIds.incrementAndGet());
                result.put("loi", List.of());
            }
            results.add(result);
        });
        return results;
    }

    private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = new ObjectMapper().writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        processor.shutdownNow();
    }
}
