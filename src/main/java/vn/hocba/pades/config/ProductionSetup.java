package vn.hocba.pades.config;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hocba.pades.CachedRevocationSource;
import vn.hocba.pades.CredentialCheck;
import vn.hocba.pades.CredentialRefusedException;
import vn.hocba.pades.HttpTimeStampSource;
import vn.hocba.pades.OnlineRevocationSource;
import vn.hocba.pades.PadesSigner;
import vn.hocba.pades.RevocationSource;
import vn.hocba.pades.SigningCredential;
import vn.hocba.pades.SigningException;
import vn.hocba.pades.SigningServices;
import vn.hocba.pades.TimeStampSource;
import vn.hocba.pades.config.SigningProperties.CredentialProperties;
import vn.hocba.pades.config.SigningProperties.TimeStamping;

/**
 * Checks and opens a production configuration: trust anchors read, TSA addresses and their
 * credentials, every key opened and chained to a trust anchor. All problems are collected and
 * thrown together ({@link SigningConfigurationException}), each naming its property.
 */
final class ProductionSetup {

    private static final Logger log = LoggerFactory.getLogger(ProductionSetup.class);

    record Production(SigningServices services, ConfiguredCredentials credentials) {
    }

    private final ConfigurationProblems problems = new ConfigurationProblems();
    private final Secrets secrets;
    private final Clock clock;

    ProductionSetup(UnaryOperator<String> environment, Clock clock) {
        this.secrets = new Secrets(environment);
        this.clock = clock;
    }

    Production open(SigningProperties properties) {
        List<X509Certificate> anchors = trustAnchors(properties.trustAnchors());
        ProxySelector proxy = proxy(properties.httpProxy());
        TimeStampSource timeStamps = timeStamps(properties.timeStamping(), proxy);
        RevocationSource revocation = revocation(properties.revocation(), proxy);
        int reserved = properties.reservedSignatureSize();
        if (reserved < PadesSigner.MINIMUM_SIGNATURE_SIZE || reserved > PadesSigner.MAXIMUM_SIGNATURE_SIZE) {
            problems.add("reserved-signature-size", "là chỗ dành sẵn lớn nhất cho một chữ ký, phải từ 16384 đến 32768 "
                    + "byte (hồ sơ ký số: 16–32 KB), không phải " + reserved + ".");
        }
        KeyOpening keys = new KeyOpening(problems, secrets, new RemoteServices(problems, secrets, properties.csc(), proxy));
        CredentialCheck chainCheck = new CredentialCheck(anchors, null);
        Optional<SigningCredential> seal = Optional.empty();
        if (properties.schoolSeal() == null) {
            problems.add("school-seal", "thiếu khóa của con dấu nhà trường (chứng thư số tổ chức), thường trên thiết bị "
                    + "PKCS#11 (kind: pkcs11).");
        } else {
            seal = keys.open("school-seal", properties.schoolSeal());
            seal.ifPresent(s -> requireTrusted("school-seal", s, chainCheck, anchors));
        }
        Map<String, SigningCredential> people = new LinkedHashMap<>();
        Map<String, String> fullNames = new LinkedHashMap<>();
        properties.people().forEach((username, settings) -> open(keys, username, settings, people, fullNames,
                chainCheck, anchors));
        ConfiguredCredentials credentials = ConfiguredCredentials.of(seal.orElse(null), people, fullNames, problems);
        problems.throwIfAny();
        log.info("Production signing: {} trust anchor(s), TSA {}, {} signing person(s) and the school seal",
                anchors.size(), properties.timeStamping().urls(), people.size());
        return new Production(new SigningServices(timeStamps, revocation, anchors, reserved), credentials);
    }

    private void open(KeyOpening keys, String username, CredentialProperties settings,
                      Map<String, SigningCredential> people, Map<String, String> fullNames,
                      CredentialCheck chainCheck, List<X509Certificate> anchors) {
        keys.open("people." + username, settings).ifPresent(credential -> {
            requireTrusted("people." + username, credential, chainCheck, anchors);
            people.put(username, credential);
            if (settings.fullName() != null) {
                fullNames.put(username, settings.fullName());
            }
        });
    }

    /** A key whose certificate does not chain to a trust anchor is a configuration error; an expiry is only logged. */
    private void requireTrusted(String property, SigningCredential credential, CredentialCheck check,
                                List<X509Certificate> anchors) {
        if (anchors.isEmpty()) {
            return; // already reported under trust-anchors
        }
        try {
            check.requireUsable(credential, Instant.now(clock));
        } catch (CredentialRefusedException e) {
            if (e.reason() == CredentialRefusedException.Reason.UNTRUSTED
                    || e.reason() == CredentialRefusedException.Reason.WEAK_KEY) {
                problems.add(property, e.getMessage());
            } else {
                log.warn("Signing credential {} cannot sign now: {}", property, e.getMessage());
            }
        }
    }

    private List<X509Certificate> trustAnchors(List<Path> paths) {
        List<X509Certificate> anchors = new ArrayList<>();
        if (paths.isEmpty()) {
            problems.add("trust-anchors", "thiếu chứng thư gốc tin cậy: liệt kê các tệp PEM/DER hoặc thư mục chứa "
                    + "chứng thư gốc của các tổ chức chứng thực mà nhà trường chấp nhận.");
        }
        for (int i = 0; i < paths.size(); i++) {
            Path path = paths.get(i);
            if (!Files.exists(path)) {
                problems.add("trust-anchors[" + i + "]", "không có tệp hay thư mục " + path + ".");
                continue;
            }
            try {
                List<X509Certificate> read = SigningServices.readCertificates(path);
                if (read.isEmpty()) {
                    problems.add("trust-anchors[" + i + "]", "thư mục " + path + " không chứa tệp chứng thư nào "
                            + "(.pem, .crt, .cer, .der).");
                }
                anchors.addAll(read);
            } catch (SigningException | java.io.UncheckedIOException e) {
                problems.add("trust-anchors[" + i + "]", e.getMessage());
            }
        }
        return anchors;
    }

    private TimeStampSource timeStamps(TimeStamping settings, ProxySelector proxy) {
        if (settings.urls().isEmpty()) {
            problems.add("time-stamping.urls", "thiếu địa chỉ dịch vụ cấp dấu thời gian RFC 3161 (TSA) của tổ chức "
                    + "chứng thực, ví dụ https://tsa.example-ca.vn/tsa.");
            return null;
        }
        char[] password = null;
        if (settings.username() != null) {
            password = secrets.read(problems, "time-stamping.password", settings.passwordEnv(), settings.passwordFile(),
                    "mật khẩu dịch vụ dấu thời gian").orElse(null);
        }
        List<HttpTimeStampSource.Endpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < settings.urls().size(); i++) {
            URI url = settings.urls().get(i);
            if (!url.isAbsolute() || !url.getScheme().matches("https?")) {
                problems.add("time-stamping.urls[" + i + "]", "«" + url + "» không phải địa chỉ http:// hoặc https://.");
            } else {
                endpoints.add(new HttpTimeStampSource.Endpoint(url, settings.username(), password));
            }
        }
        requirePositive("time-stamping.timeout", settings.timeout());
        long maxAnswer = problems.bytes("time-stamping.max-answer-size", settings.maxAnswerSize());
        return endpoints.isEmpty() ? null : new HttpTimeStampSource(endpoints, settings.timeout(), proxy, maxAnswer);
    }

    private RevocationSource revocation(SigningProperties.Revocation settings, ProxySelector proxy) {
        requirePositive("revocation.timeout", settings.timeout());
        if (!settings.online()) {
            log.warn("Revocation checking is off (hocba.signing.revocation.online=false): no OCSP/CRL in signed documents");
            return (certificate, issuer) -> RevocationSource.RevocationData.none();
        }
        return new CachedRevocationSource(new OnlineRevocationSource(settings.timeout(), proxy,
                problems.bytes("revocation.max-ocsp-answer-size", settings.maxOcspAnswerSize()),
                problems.bytes("revocation.max-crl-size", settings.maxCrlSize())), settings.cacheFor(), clock);
    }

    private void requirePositive(String property, Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            problems.add(property, "phải là một khoảng thời gian dương, ví dụ 10s.");
        }
    }

    private ProxySelector proxy(URI proxy) {
        if (proxy == null) {
            return null;
        }
        if (proxy.getHost() == null || proxy.getPort() <= 0) {
            problems.add("http-proxy", "«" + proxy + "» không phải địa chỉ proxy dạng http://máy:cổng.");
            return null;
        }
        return ProxySelector.of(new InetSocketAddress(proxy.getHost(), proxy.getPort()));
    }
}
