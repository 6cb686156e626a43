package vn.hocba.pades.config;

import java.util.List;
import vn.hocba.pades.SigningException;

/**
 * The {@code hocba.signing.*} settings cannot work: raised at start-up with every problem found,
 * each naming its property ({@code hocba.signing.school-seal.library: ...}) in Vietnamese.
 */
public final class SigningConfigurationException extends SigningException {

    private final List<String> problems;

    public SigningConfigurationException(List<String> problems) {
        super("Cấu hình ký số (hocba.signing) không dùng được, ứng dụng không khởi động:\n  - "
                + String.join("\n  - ", problems)
                + "\nHãy sửa các mục trên theo signing-config/production.example.yml rồi khởi động lại.");
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, each starting with the property's name. */
    public List<String> problems() {
        return problems;
    }
}
