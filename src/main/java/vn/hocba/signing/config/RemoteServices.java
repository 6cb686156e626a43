package vn.hocba.signing.config;

import java.net.ProxySelector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.hocba.signing.CscClient;
import vn.hocba.signing.SigningCredential;
import vn.hocba.signing.SigningException;
import vn.hocba.signing.config.SigningProperties.CredentialProperties;
import vn.hocba.signing.config.SigningProperties.CscServiceProperties;

/**
 * The configured remote signing services ({@code hocba.signing.csc.<name>}, CSC API v2) and the
 * credentials held there: at start-up each service's token is read and each credential's
 * certificate chain fetched ({@code credentials/info}).
 */
final class RemoteServices {

    private final ConfigurationProblems problems;
    private final Secrets secrets;
    private final Map<String, CscClient> clients = new LinkedHashMap<>();

    RemoteServices(ConfigurationProblems problems, Secrets secrets, Map<String, CscServiceProperties> services,
                   ProxySelector proxy) {
        this.problems = problems;
        this.secrets = secrets;
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
                .map(token -> new CscClient(settings.baseUrl(), token, settings.timeout(), proxy));
    }

    Optional<SigningCredential> credential(String property, CredentialProperties settings) {
        CscClient client = settings.cscService() == null ? null : clients.get(settings.cscService());
        if (client == null) {
            problems.add(property + ".csc-service", settings.cscService() == null
                    ? "thiếu tên dịch vụ ký từ xa (một mục của hocba.signing.csc)."
                    : "không có dịch vụ ký từ xa «" + settings.cscService() + "» trong hocba.signing.csc.");
            return Optional.empty();
        }
        if (settings.credentialId() == null) {
            problems.add(property + ".credential-id", "thiếu mã khóa (credentialID) trên dịch vụ ký từ xa.");
            return Optional.empty();
        }
        Optional<char[]> pin = settings.pinEnv() == null && settings.pinFile() == null ? Optional.of(new char[0])
                : secrets.read(problems, property + ".pin", settings.pinEnv(), settings.pinFile(), "mã PIN của khóa ký từ xa");
        return pin.flatMap(activation -> {
            try {
                return Optional.of(client.credential(settings.credentialId(),
                        activation.length == 0 ? null : new String(activation)));
            } catch (SigningException e) {
                problems.add(property + ".credential-id", e.getMessage());
                return Optional.empty();
            }
        });
    }
}
