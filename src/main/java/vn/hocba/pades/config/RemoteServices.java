package vn.hocba.pades.config;

import java.net.ProxySelector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.hocba.pades.CscClient;
import vn.hocba.pades.SigningCredential;
import vn.hocba.pades.SigningException;
import vn.hocba.pades.config.SigningProperties.CredentialProperties;
import vn.hocba.pades.config.SigningProperties.CscServiceProperties;

/**
 * The configured remote signing services ({@code hocba.signing.csc.<name>}, CSC API v2) and the
 * credentials held there: at start-up each service's token is read and each credential's
 * certificate chain fetched ({@code credentials/info}).
 */
final class RemoteServices {

    private final ConfigurationProblems problems;
    private final Secrets secrets;
    private final Map<String, CscClient> clients = new LinkedHashMap<>();
    private final java.util.Set<String> configured;

    RemoteServices(ConfigurationProblems problems, Secrets secrets, Map<String, CscServiceProperties> services,
                   ProxySelector proxy) {
        this.problems = problems;
        this.secrets = secrets;
        this.configured = services.keySet();
        services.forEach((name, settings) -> client(name, settings, proxy).ifPresent(c -> clients.put(name, c)));
    }

    private Optional<CscClient> client(String name, CscServiceProperties settings, ProxySelector proxy) {
        String property = "csc." + name;
        if (settings.baseUrl() == null || !settings.baseUrl().isAbsolute()
                || !settings.baseUrl().getScheme().matches("https?")) {
            problems.add(property + ".base-url", "thiếu hoặc sai địa chỉ API CSC v2 của dịch vụ ký từ xa "
                    + "(ví dụ https://rs.example-ca.vn/csc/v2).");
            return Optional.empty();
        }
        return secrets.read(problems, property + ".access-token", settings.accessTokenEnv(), settings.accessTokenFile(),
                        "mã truy cập (OAuth2 access token) của tài khoản nhà trường")
                .map(token -> new CscClient(settings.baseUrl(), token, settings.timeout(), proxy,
                        problems.bytes(property + ".max-answer-size", settings.maxAnswerSize())));
    }

    Optional<SigningCredential> credential(String property, CredentialProperties settings) {
        if (settings.credentialId() == null) {
            problems.add(property + ".credential-id", "thiếu mã khóa (credentialID) trên dịch vụ ký từ xa.");
        }
        Optional<char[]> pin = settings.pinEnv() == null && settings.pinFile() == null ? Optional.of(new char[0])
                : secrets.read(problems, property + ".pin", settings.pinEnv(), settings.pinFile(), "mã PIN của khóa ký từ xa");
        if (settings.cscService() == null || !configured.contains(settings.cscService())) {
            problems.add(property + ".csc-service", settings.cscService() == null
                    ? "thiếu tên dịch vụ ký từ xa (một mục của hocba.signing.csc)."
                    : "không có dịch vụ ký từ xa «" + settings.cscService() + "» trong hocba.signing.csc.");
            return Optional.empty();
        }
        CscClient client = clients.get(settings.cscService()); // null: its own problem is reported already
        if (client == null || settings.credentialId() == null || pin.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(client.credential(settings.credentialId(),
                    pin.get().length == 0 ? null : new String(pin.get())));
        } catch (SigningException e) {
            problems.add(property + ".credential-id", e.getMessage());
            return Optional.empty();
        }
    }
}
