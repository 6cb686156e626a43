package vn.hocba.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A broken (or hostile) upstream service over real HTTP: under {@code /declared/…} it answers 200 with a
 * {@code Content-Length} of {@link #DECLARED} bytes and sends them; under {@code /endless/…} it answers 200
 * chunked, with no length, and sends until the client hangs up (at most {@link #DECLARED} bytes, so that a
 * client without a limit ends in the test's time-out, not in the machine's memory); under {@code /trickle/…} it
 * answers 200 at once and then sends one byte every 100 ms for up to a minute. {@link #lastAnswer} says how
 * many bytes the last answer got out before the client hung up.
 */
public final class FloodingServer implements AutoCloseable {

    /** What the server claims and sends at most: 2 GB, more than the test JVM's heap. */
    public static final long DECLARED = 2L * 1024 * 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private volatile CompletableFuture<Long> lastAnswer = new CompletableFuture<>();

    private FloodingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/declared/", exchange -> flood(exchange, DECLARED));
        server.createContext("/endless/", exchange -> flood(exchange, 0));
        server.createContext("/trickle/", this::trickle);
        server.setExecutor(threads);
        server.start();
    }

    public static FloodingServer start() {
        try {
            return new FloodingServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>} + path. */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** The bytes the last answer sent before the client hung up (or all of them), waiting at most {@code wait}. */
    public long lastAnswer(Duration wait) throws Exception {
        try {
            return lastAnswer.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the client had not hung up after " + wait, e);
        }
    }

    private void flood(HttpExchange exchange, long length) throws IOException {
        CompletableFuture<Long> answer = new CompletableFuture<>();
        lastAnswer = answer;
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) ' ');
        chunk[0] = '[';
        long sent = 0;
        try {
            exchange.sendResponseHeaders(200, length);
            OutputStream body = exchange.getResponseBody();
            while (sent < DECLARED) {
                body.write(chunk);
                sent += chunk.length;
                chunk[0] = ' ';
            }
            body.close();
        } catch (IOException hungUp) {
            // the client stopped reading: what a limit is for
        } finally {
            answer.complete(sent);
            exchange.close();
        }
    }

    private void trickle(HttpExchange exchange) throws IOException {
        CompletableFuture<Long> answer = new CompletableFuture<>();
        lastAnswer = answer;
        exchange.getRequestBody().readAllBytes();
        long sent = 0;
        try {
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            for (int i = 0; i < 600; i++) {
                body.write(' ');
                body.flush();
                sent++;
                Thread.sleep(100);
            }
            body.close();
        } catch (IOException | InterruptedException hungUp) {
            // the client stopped waiting
        } finally {
            answer.complete(sent);
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
