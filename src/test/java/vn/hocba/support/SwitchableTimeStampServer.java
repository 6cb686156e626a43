package vn.hocba.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import vn.hocba.pades.devpki.DevelopmentPki;

/**
 * The development PKI's RFC 3161 TSA over real HTTP at {@code http://127.0.0.1:<port>/tsa}, as a CA serves
 * it, which a test switches off ({@link #stop}: the port is closed, a client's connection is refused) and on
 * again on the same port ({@link #start}). Counts the time-stamps it issued. A latency ({@link #answerAfter})
 * makes it answer as a CA's service over the internet does: each reply sent that long after its request arrived,
 * any number of requests waiting at once (as a TSA's farm serves many clients).
 */
public final class SwitchableTimeStampServer implements AutoCloseable {

    private final DevelopmentPki pki;
    private final int port;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    public final AtomicInteger issued = new AtomicInteger();
    private HttpServer server;
    private volatile long latencyMillis;

    private SwitchableTimeStampServer(DevelopmentPki pki, int port) {
        this.pki = pki;
        this.port = port;
    }

    /** Serves {@code pki}'s TSA on a free port. */
    public static SwitchableTimeStampServer open(DevelopmentPki pki) {
        try (ServerSocket s = new ServerSocket(0)) {
            SwitchableTimeStampServer tsa = new SwitchableTimeStampServer(pki, s.getLocalPort());
            s.close();
            tsa.start();
            return tsa;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each later reply is sent {@code latency} after its request arrived (the token is issued at the end). */
    public SwitchableTimeStampServer answerAfter(java.time.Duration latency) {
        this.latencyMillis = latency.toMillis();
        return this;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port + "/tsa");
    }

    /** Listens again on the same port (retrying while the system still holds it). */
    public synchronized void start() {
        for (int attempt = 0; ; attempt++) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
                break;
            } catch (BindException e) {
                if (attempt == 100) {
                    throw new UncheckedIOException(e);
                }
                ChildApplication.pause(200);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        server.setExecutor(threads);
        server.createContext("/tsa", exchange -> {
            try (exchange) {
                if (latencyMillis > 0) {
                    ChildApplication.pause(latencyMillis);
                }
                byte[] reply = pki.timeStampAuthority().respond(exchange.getRequestBody().readAllBytes());
                exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
                exchange.sendResponseHeaders(200, reply.length);
                exchange.getResponseBody().write(reply);
                issued.incrementAndGet();
            }
        });
        server.start();
    }

    /** Closes the port: the TSA is unreachable until {@link #start}. */
    public synchronized void stop() {
        server.stop(0);
        server = null;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            stop();
        }
        threads.shutdownNow();
    }
}
