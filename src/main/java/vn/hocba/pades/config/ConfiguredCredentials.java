package vn.hocba.pades.config;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.hocba.pades.SigningCredential;
import vn.hocba.pades.SigningException;

/**
 * The production keys, opened at start-up: the school seal and one credential per signing person,
 * configured by HocBa username and found by the person's name (the {@code full-name} property, else
 * the certificate's common name; compared without regard to case, never to diacritics: "Lan" and
 * "Lân" are different people).
 */
public final class ConfiguredCredentials {

    private final SigningCredential seal;
    private final Map<String, SigningCredential> byUsername;
    private final Map<String, String> usernameByName;

    ConfiguredCredentials(SigningCredential seal, Map<String, SigningCredential> byUsername,
                          Map<String, String> usernameByName) {
        this.seal = seal;
        this.byUsername = Map.copyOf(byUsername);
        this.usernameByName = Map.copyOf(usernameByName);
    }

    /** The organisation credential making the school seal. */
    public SigningCredential seal() {
        return seal;
    }

    public Optional<SigningCredential> byUsername(String username) {
        return Optional.ofNullable(byUsername.get(username));
    }

    public Set<String> usernames() {
        return byUsername.keySet();
    }

    /**
     * The credential of the person named {@code fullName} as in the staff list.
     *
     * @throws SigningException (Vietnamese) when nobody of that name has a configured credential
     */
    public SigningCredential person(String fullName) {
        String username = usernameByName.get(nameKey(fullName));
        if (username == null) {
            throw new SigningException("Chưa cấu hình chứng thư số cho " + fullName + " (hocba.signing.people): "
                    + "không có khóa ký nào mang tên này. Quản trị hệ thống cần thêm mục people.<tên đăng nhập> cho "
                    + "người này (hoặc ghi full-name nếu tên trong chứng thư số viết khác) rồi khởi động lại.");
        }
        return byUsername.get(username);
    }

    /**
     * The credential configured for the HocBa account {@code username} ({@code people.<username>}); a
     * person without an account entry is found by {@code fullName} as in {@link #person(String)}.
     */
    public SigningCredential person(String username, String fullName) {
        return Optional.ofNullable(username).flatMap(this::byUsername).orElseGet(() -> person(fullName));
    }

    /** Name comparison key: Unicode NFC, lower case, single spaces. */
    static String nameKey(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).trim().replaceAll("\\s+", " ")
                .toLowerCase(Locale.forLanguageTag("vi"));
    }

    /** Builds the name index, recording a problem when two usernames carry the same name. */
    static ConfiguredCredentials of(SigningCredential seal, Map<String, SigningCredential> people,
                                    Map<String, String> fullNames, ConfigurationProblems problems) {
        Map<String, String> index = new LinkedHashMap<>();
        people.forEach((username, credential) -> {
            String name = fullNames.getOrDefault(username, credential.holderName());
            String previous = index.putIfAbsent(nameKey(name), username);
            if (previous != null) {
                problems.add("people." + username + ".full-name", "trùng tên «" + name + "» với people." + previous
                        + "; hãy ghi full-name khác nhau để biết ai ký.");
            }
        });
        return new ConfiguredCredentials(seal, people, index);
    }
}
