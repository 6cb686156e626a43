package vn.hocba.documents;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How documents are rendered.
 *
 * @param verificationBaseUrl  printed and encoded in the QR code, followed by the version label
 * @param templateDirectory    read templates from this folder instead of the classpath copy of
 *                             {@code templates/} (for editing templates without rebuilding)
 */
public record RenderSettings(String verificationBaseUrl, Optional<Path> templateDirectory) {

    public static final String DEFAULT_VERIFICATION_BASE_URL = "http://localhost:8080/xac-minh/";

    public RenderSettings {
        Objects.requireNonNull(verificationBaseUrl, "verificationBaseUrl");
        Objects.requireNonNull(templateDirectory, "templateDirectory");
        if (!verificationBaseUrl.endsWith("/")) {
            verificationBaseUrl = verificationBaseUrl + "/";
        }
    }

    /** Classpath templates, verification at {@value #DEFAULT_VERIFICATION_BASE_URL}. */
    public static RenderSettings defaults() {
        return new RenderSettings(DEFAULT_VERIFICATION_BASE_URL, Optional.empty());
    }
}
