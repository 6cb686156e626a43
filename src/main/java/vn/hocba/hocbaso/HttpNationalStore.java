package vn.hocba.hocbaso;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import vn.hocba.common.AnswerTooLargeException;
import vn.hocba.common.BoundedAnswer;

/**
 * {@link NationalStore} over HTTP (transport provisional until the Sở names it): {@code POST
 * {url}/messages} with headers {@code Idempotency-Key} and {@code X-Message-Purpose}, HTTP basic
 * authentication, the package as {@code application/zip}; answers {@code {"reference": …}}.
 * {@code GET {url}/messages/{reference}} answers {@code {"trang_thai": "02", "ket_qua": [{"tep", "ket_qua",
 * "ma_dinh_danh_hoc_ba", "loi": [{"ma", "ten"}]}]}}. URL and credentials come from
 * {@code hocba.hocbaso.store.*}. An answer is read up to {@link #MAX_ANSWER} bytes (its references and
 * result lists are a few kilobytes); a longer one is refused ({@link BoundedAnswer}) as the store being unavailable.
 */
public final class HttpNationalStore implements NationalStore {

    /** The most bytes read from one answer: 4 MB, a thousand times a class's result list. */
    public static final long MAX_ANSWER = 4L * 1024 * 1024;

    private final URI base;
    private final String authorization;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final BoundedAnswer answers;

    public HttpNationalStore(URI base, String username, String password, Duration timeout) {
        this(base, username, password, timeout, MAX_ANSWER);
    }

    /** @param maxAnswer the most bytes read from one answer */
    public HttpNationalStore(URI base, String username, String password, Duration timeout, long maxAnswer) {
        this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.answers = new BoundedAnswer("Kho học bạ số " + this.base, maxAnswer, null);
    }

    @Override
    public String submit(String purpose, String idempotencyKey, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("messages")).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization).header("Idempotency-Key", idempotencyKey)
                .header("X-Message-Purpose", purpose)
                .header("Content-Type", RECALL.equals(purpose) ? "text/plain; charset=utf-8" : "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return read(request).path("reference").asText();
    }

    @Override
    public Status status(String reference) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("messages/" + reference)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).GET().build();
        JsonNode answer = read(request);
        List<RecordResult> records = new ArrayList<>();
        for (JsonNode r : answer.path("ket_qua")) {
            List<StoreError> errors = new ArrayList<>();
            r.path("loi").forEach(e -> errors.add(new StoreError(e.path("ma").asText(), e.path("ten").asText())));
            records.add(new RecordResult(r.path("tep").asText(), r.path("ket_qua").asText(),
                    r.hasNonNull("ma_dinh_danh_hoc_ba") ? r.get("ma_dinh_danh_hoc_ba").asText() : null, errors));
        }
        return new Status(answer.path("trang_thai").asText(), records);
    }

    private JsonNode read(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = answers.send(http, request);
            int code = response.statusCode();
            if (code == 429 || code >= 500) {
                throw new StoreUnavailableException("Kho học bạ số trả lời HTTP " + code, null);
            }
            if (code >= 400) {
                throw new IllegalStateException("Kho học bạ số từ chối yêu cầu (HTTP " + code + "): "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return json.readTree(response.body());
        } catch (AnswerTooLargeException e) {
            throw new StoreUnavailableException(e.getMessage(), e);
        } catch (IOException e) {
            throw new StoreUnavailableException("Không kết nối được kho học bạ số " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("Bị ngắt khi gửi tới kho học bạ số", e);
        }
    }
}
