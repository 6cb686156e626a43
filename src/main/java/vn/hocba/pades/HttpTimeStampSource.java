package vn.hocba.pades;

import java.io.IOException;
import java.math.BigInteger;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hocba.common.AnswerTooLargeException;
import vn.hocba.common.BoundedAnswer;
import vn.hocba.pades.internal.LargestToken;

/**
 * A real RFC 3161 TSA over HTTP ({@code Content-Type: application/timestamp-query}), e.g. the
 * time-stamping service of a licensed Vietnamese CA: one or more endpoints tried in order, each
 * with optional HTTP basic authentication. Every answer is checked against its request (status,
 * imprint, nonce, the token's signature) before use ({@link TimeStampReply}); a failure gives a
 * Vietnamese message naming the service and what went wrong, and nothing is signed. An answer is read up
 * to {@link #MAX_ANSWER} bytes; a longer one is refused like any other failure ({@link BoundedAnswer}).
 */
public final class HttpTimeStampSource implements TimeStampSource {

    private static final Logger log = LoggerFactory.getLogger(HttpTimeStampSource.class);

    /** One TSA address; {@code username}/{@code password} for HTTP basic authentication, or null. */
    public record Endpoint(URI url, String username, char[] password) {

        public static Endpoint anonymous(URI url) {
            return new Endpoint(url, null, null);
        }

        String authorization() {
            String pair = username + ":" + new String(password);
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * The most requests one {@link #timeStampAll} has waiting at once: a CA's service answers in ≈ 50–200 ms over
     * the internet, so a class's 40 records are stamped in a few round trips instead of 40; a handful per step keeps
     * the load a school puts on the service modest (a province's schools share it, bench/README.md).
     */
    static final int REQUESTS_AT_ONCE = 8;

    /** The most bytes read from one answer: 1 MB, a hundred times a token with its TSA's chain (≈ 5–10 KB). */
    public static final long MAX_ANSWER = 1024L * 1024;

    /** Threads that wait for the service's answers (shared by every source; idle ones end after a minute). */
    private static final ExecutorService WAITING = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hocba-tsa-request");
        t.setDaemon(true);
        return t;
    });

    private final List<Endpoint> endpoints;
    private final Duration timeout;
    private final HttpClient http;
    private final long maxAnswer;
    private final SecureRandom random = new SecureRandom();
    private volatile List<X509Certificate> chain;
    private final LargestToken largest = new LargestToken();

    public HttpTimeStampSource(URI url, Duration timeout) {
        this(List.of(Endpoint.anonymous(url)), timeout, null);
    }

    /**
     * @param endpoints tried in order until one answers with a valid token
     * @param proxy     the outgoing HTTP proxy, or null for a direct connection
     */
    public HttpTimeStampSource(List<Endpoint> endpoints, Duration timeout, ProxySelector proxy) {
        this(endpoints, timeout, proxy, MAX_ANSWER);
    }

    /** @param maxAnswer the most bytes read from one answer */
    public HttpTimeStampSource(List<Endpoint> endpoints, Duration timeout, ProxySelector proxy, long maxAnswer) {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("no time-stamping endpoint");
        }
        this.endpoints = List.copyOf(endpoints);
        this.timeout = timeout;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout);
        this.http = (proxy == null ? builder : builder.proxy(proxy)).build();
        this.maxAnswer = maxAnswer;
    }

    @Override
    public byte[] timeStamp(byte[] sha256Digest) {
        return encoded(token(sha256Digest));
    }

    /**
     * The tokens of all digests, their requests sent together, at most {@link #REQUESTS_AT_ONCE} waiting at once,
     * each checked and failed over to the next endpoint as {@link #timeStamp} does. After a failure no further
     * request is sent, and the failure of the first digest that failed is thrown.
     */
    @Override
    public List<byte[]> timeStampAll(List<byte[]> sha256Digests) {
        if (sha256Digests.size() < 2) {
            return TimeStampSource.super.timeStampAll(sha256Digests);
        }
        Semaphore waiting = new Semaphore(REQUESTS_AT_ONCE);
        AtomicBoolean failed = new AtomicBoolean();
        List<CompletableFuture<byte[]>> answers = new ArrayList<>();
        for (byte[] digest : sha256Digests) {
            waiting.acquireUninterruptibly();
            if (failed.get()) {
                waiting.release();
                break;
            }
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return timeStamp(digest);
                } catch (RuntimeException e) {
                    failed.set(true);
                    throw e;
                } finally {
                    waiting.release();
                }
            }, WAITING));
        }
        List<byte[]> tokens = new ArrayList<>(answers.size());
        for (CompletableFuture<byte[]> answer : answers) {
            try {
                tokens.add(answer.join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        return tokens;
    }

    /** The TSA's chain as it sends it in its tokens (asked for once, with a dummy digest). */
    @Override
    public List<X509Certificate> certificateChain() {
        if (chain == null) {
            TimeStampToken probe = token(new byte[32]);
            encoded(probe); // its size counts like any other token's
            chain = TimeStampReply.chainOf(probe);
        }
        return chain;
    }

    @Override
    public OptionalInt largestTokenSize() {
        return largest.size();
    }

    private byte[] encoded(TimeStampToken token) {
        try {
            return largest.noted(token.getEncoded());
        } catch (IOException e) {
            throw new SigningException("Không mã hóa được dấu thời gian: " + e.getMessage(), e);
        }
    }

    private TimeStampToken token(byte[] digest) {
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            try {
                return token(endpoint, digest);
            } catch (TimeStampReply.Refused e) {
                log.warn("Time-stamping service {} failed: {}", endpoint.url(), e.getMessage());
                failures.add("Không nhận được dấu thời gian từ " + endpoint.url() + ": " + e.getMessage());
            }
        }
        throw new SigningException(String.join("; ", failures)
                + ". Văn bản chưa được ký; hãy thử lại sau hoặc báo quản trị hệ thống kiểm tra dịch vụ dấu thời gian.");
    }

    private TimeStampToken token(Endpoint endpoint, byte[] digest) throws TimeStampReply.Refused {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, digest, new BigInteger(64, random));
        HttpResponse<byte[]> answer = post(endpoint, encode(request));
        if (answer.statusCode() != 200) {
            throw new TimeStampReply.Refused("dịch vụ trả về lỗi HTTP " + answer.statusCode()
                    + (answer.statusCode() == 401 || answer.statusCode() == 403
                            ? " (sai tên đăng nhập hoặc mật khẩu của dịch vụ)" : ""));
        }
        return TimeStampReply.check(answer.body(), request);
    }

    private HttpResponse<byte[]> post(Endpoint endpoint, byte[] request) throws TimeStampReply.Refused {
        HttpRequest.Builder post = HttpRequest.newBuilder(endpoint.url()).timeout(timeout)
                .header("Content-Type", "application/timestamp-query")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request));
        if (endpoint.username() != null) {
            post.header("Authorization", endpoint.authorization());
        }
        try {
            return new BoundedAnswer("dịch vụ", maxAnswer, null).send(http, post.build());
        } catch (AnswerTooLargeException e) {
            throw new TimeStampReply.Refused(e.getMessage());
        } catch (HttpTimeoutException e) {
            throw new TimeStampReply.Refused("dịch vụ không trả lời trong " + timeout.toSeconds() + " giây");
        } catch (IOException e) {
            // the reason for the signer, without Java type names (java.net.ConnectException has no message)
            throw new TimeStampReply.Refused("không kết nối được" + (e.getMessage() == null || e.getMessage().isBlank()
                    ? "" : " (" + e.getMessage() + ")"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeStampReply.Refused("yêu cầu bị ngắt");
        }
    }

    private static byte[] encode(TimeStampRequest request) {
        try {
            return request.getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
