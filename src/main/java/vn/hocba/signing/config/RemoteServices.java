package vn.hocba.signing.config;

import java.net.ProxySelector;
import java.util.Map;
import java.util.Optional;
import vn.hocba.signing.SigningCredential;
import vn.hocba.signing.config.SigningProperties.CredentialProperties;
import vn.hocba.signing.config.SigningProperties.CscServiceProperties;

/** The configured remote signing services (CSC API v2), by name. */
final class RemoteServices {

    private final ConfigurationProblems problems;

    RemoteServices(ConfigurationProblems problems, Secrets secrets, Map<String, CscServiceProperties> services,
                   ProxySelector proxy) {
        this.problems = problems;
    }

    Optional<SigningCredential> credential(String property, CredentialProperties settings) {
        problems.add(property + ".kind", "ký từ xa (csc) chưa được hỗ trợ.");
        return Optional.empty();
    }
}
