package vn.hocba.documents;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Checks at start-up the verification address printed, and encoded in the QR code, on every document
 * ({@code hocba.documents.verification-base-url}, set by {@code HOCBA_VERIFICATION_URL}): once a
 * document is signed, its address can never be changed.
 * <p>
 * Production is recognised by {@code hocba.signing.mode=production}, the switch that also makes the
 * school's real keys sign: there the server refuses to start unless the address is an {@code https}
 * address of a public host (the default {@code http://localhost:8080/xac-minh/} would send every
 * parent's phone to itself). In development a warning is logged when the address's port is not the
 * server's, since the QR codes of the documents generated would then lead nowhere.
 */
@Component
@ConditionalOnWebApplication // the command line neither serves nor generates documents
class VerificationAddressCheck {

    private static final Logger log = LoggerFactory.getLogger(VerificationAddressCheck.class);

    VerificationAddressCheck(
            @Value("${hocba.documents.verification-base-url:" + RenderSettings.DEFAULT_VERIFICATION_BASE_URL + "}")
            String address,
            @Value("${hocba.signing.mode:development}") String signingMode, @Value("${server.port:8080}") int serverPort) {
        if ("production".equalsIgnoreCase(signingMode.strip())) {
            productionProblem(address).ifPresent(problem -> {
                throw new IllegalStateException(problem);
            });
        } else {
            developmentWarning(address, serverPort).ifPresent(log::warn);
        }
    }

    /** Why {@code address} cannot be printed on the documents of a production installation, if it cannot. */
    static Optional<String> productionProblem(String address) {
        URI uri = parse(address);
        String host = uri == null || uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (uri != null && "https".equalsIgnoreCase(uri.getScheme()) && !host.isEmpty() && !local(host)) {
            return Optional.empty();
        }
        return Optional.of("hocba.signing.mode=production but the verification address printed and encoded in the QR "
                + "code of every signed document is " + address + ". Set HOCBA_VERIFICATION_URL to the school's public "
                + "https address of the verification page, e.g. HOCBA_VERIFICATION_URL=https://hocba.truong.edu.vn/xac-minh/ "
                + "(Địa chỉ xác minh in trên văn bản và trong mã QR phải là địa chỉ https công khai của trường: "
                + "đặt HOCBA_VERIFICATION_URL trước khi khởi động.)");
    }

    /** A warning when the address's port is not the one this server listens on (0: a random port, not checked). */
    static Optional<String> developmentWarning(String address, int serverPort) {
        URI uri = parse(address);
        if (uri == null || serverPort <= 0) {
            return Optional.ofNullable(uri == null ? "Verification address " + address + " is not a valid URL" : null);
        }
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        if (port == serverPort) {
            return Optional.empty();
        }
        return Optional.of("The verification address " + address + " printed in every document's QR code uses port " + port
                + " but this server listens on port " + serverPort + ": the QR codes of documents generated now lead "
                + "nowhere unless a proxy forwards that port. Set HOCBA_VERIFICATION_URL (or server.port) so that they match.");
    }

    private static boolean local(String host) {
        return host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.") || host.equals("[::1]")
                || host.equals("0.0.0.0");
    }

    private static URI parse(String address) {
        try {
            URI uri = URI.create(address.strip());
            return uri.isAbsolute() ? uri : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
