package vn.hocba.signing.device;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The remote signing services this school uses, from configuration (README "Ký số từ xa"):
 *
 * <pre>
 * hocba.own-keys.remote-providers:
 *   - name: smartca
 *     display-name: VNPT SmartCA
 *     base-url: https://…/
 *     client-id: hocba-thcs-…
 *     client-secret-variable: HOCBA_SMARTCA_SECRET   # the secret itself only in the environment
 *     max-answer-size: 4MB                           # the most read from one answer (the default)
 * </pre>
 *
 * Each is driven by {@link HttpPhoneApprovalProvider}; a provider with other endpoints (or the CSC v2
 * API, {@link CscPhoneApprovalProvider}) gets its adapter behind {@link PhoneApprovalProvider}.
 */
@Component
public class PhoneApprovalProviders {

    /** One configured service; the client secret is read from the variable it names, never from a file. */
    public record Setting(String name, String displayName, URI baseUrl, String clientId, String clientSecretVariable,
                          DataSize maxAnswerSize) {
    }

    private final Map<String, PhoneApprovalProvider> providers = new LinkedHashMap<>();

    PhoneApprovalProviders(Environment environment) {
        List<Setting> settings = Binder.get(environment).bind("hocba.own-keys.remote-providers",
                Bindable.listOf(Setting.class)).orElse(List.of());
        for (Setting s : settings) {
            String secret = s.clientSecretVariable() == null ? null : environment.getProperty(s.clientSecretVariable());
            if (secret == null || secret.isBlank()) {
                throw new IllegalStateException("hocba.own-keys.remote-providers «" + s.name() + "»: biến môi trường "
                        + s.clientSecretVariable() + " (mật khẩu ứng dụng của dịch vụ ký từ xa) chưa được đặt.");
            }
            providers.put(s.name(), new HttpPhoneApprovalProvider(s.name(),
                    s.displayName() == null ? s.name() : s.displayName(), s.baseUrl(), s.clientId(), secret,
                    s.maxAnswerSize() == null ? HttpPhoneApprovalProvider.MAX_ANSWER : s.maxAnswerSize().toBytes()));
        }
    }

    public List<PhoneApprovalProvider> all() {
        return List.copyOf(providers.values());
    }

    public Optional<PhoneApprovalProvider> named(String name) {
        return Optional.ofNullable(providers.get(name));
    }
}
