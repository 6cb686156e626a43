package vn.hocba.pades;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import vn.hocba.pades.devpki.DevelopmentPki;
import java.util.concurrent.Executors;

/**
 * The development PKI's services over real HTTP, as a CA publishes them: an RFC 3161 TSA at
 * {@code /tsa} and the root's OCSP responder and CRL at the addresses its certificates name
 * ({@code http://pki.hocba.invalid/dev/ocsp}, {@code .../root.crl}), reached through this server as
 * the HTTP proxy ({@link #proxy()}). Counts the requests it answers.
 */
public final class PkiOverHttp implements AutoCloseable {

    private final HttpServer server;
    public final AtomicInteger timeStampRequests = new AtomicInteger();
    public final AtomicInteger ocspRequests = new AtomicInteger();

    private PkiOverHttp(HttpServer server) {
        this.server = server;
    }

    public static PkiOverHttp start(DevelopmentPki pki) throws IOException {
        PkiOverHttp http = new PkiOverHttp(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        http.server.setExecutor(Executors.newCachedThreadPool()); // a slow answer blocks no other
        http.answer("/tsa", exchange -> {
            http.timeStampRequests.incrementAndGet();
            reply(exchange, 200, "application/timestamp-reply",
                    pki.timeStampAuthority().respond(exchange.getRequestBody().readAllBytes()));
        });
        http.answer("/dev/ocsp", exchange -> {
            http.ocspRequests.incrementAndGet();
            reply(exchange, 200, "application/ocsp-response",
                    pki.revocationSource().respond(exchange.getRequestBody().readAllBytes()));
        });
        http.answer("/dev/root.crl", exchange -> reply(exchange, 200, "application/pkix-crl", pki.revocationSource().crl()));
        http.server.start();
        return http;
    }

    /** Answers requests for {@code path} with {@code handler}. */
    public void answer(String path, com.sun.net.httpserver.HttpHandler handler) {
        server.createContext(path, exchange -> {
            try (exchange) {
                handler.handle(exchange);
            }
        });
    }

    public static void reply(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
    }

    /** {@code http://127.0.0.1:<port><path>} */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** This server as an HTTP proxy: requests for the PKI's publication addresses arrive here. */
    public URI proxy() {
        return url("");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
