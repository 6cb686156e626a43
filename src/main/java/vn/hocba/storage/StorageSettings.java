package vn.hocba.storage;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** Opens the configured store (the server's configuration and the {@code storage migrate} command share it). */
public final class StorageSettings {

    public static final String ACCESS_KEY = "HOCBA_STORAGE_ACCESS_KEY";
    public static final String SECRET_KEY = "HOCBA_STORAGE_SECRET_KEY";

    private StorageSettings() {
    }

    /**
     * The store of {@code type} ({@code filesystem} or {@code s3}); credentials read from {@code environment}.
     *
     * @throws IllegalStateException with what to set when the settings are incomplete or the bucket is missing
     */
    public static ObjectStore open(String type, Path dataDir, String endpoint, String bucket, String region,
            boolean pathStyle, UnaryOperator<String> environment) {
        return switch (type == null ? "filesystem" : type.trim().toLowerCase()) {
            case "filesystem", "" -> new FileSystemObjectStore(dataDir);
            case "s3" -> s3(endpoint, bucket, region, pathStyle, environment);
            default -> throw new IllegalStateException("hocba.storage.type must be filesystem or s3, not " + type);
        };
    }

    private static ObjectStore s3(String endpoint, String bucket, String region, boolean pathStyle,
            UnaryOperator<String> environment) {
        if (endpoint == null || endpoint.isBlank() || bucket == null || bucket.isBlank()) {
            throw new IllegalStateException("hocba.storage.type=s3 needs hocba.storage.endpoint and hocba.storage.bucket "
                    + "(and " + ACCESS_KEY + " / " + SECRET_KEY + " in the environment)");
        }
        String accessKey = environment.apply(ACCESS_KEY);
        String secretKey = environment.apply(SECRET_KEY);
        if (accessKey != null && !accessKey.isBlank() && (secretKey == null || secretKey.isBlank())) {
            throw new IllegalStateException(ACCESS_KEY + " is set but " + SECRET_KEY + " is not");
        }
        S3ObjectStore store = S3ObjectStore.connect(endpoint, region, bucket, pathStyle, accessKey, secretKey);
        if (!store.bucketExists()) {
            throw new IllegalStateException("the bucket " + bucket + " does not exist at " + endpoint
                    + ": create it (with versioning or object lock if the archive rules ask) before starting HocBa");
        }
        return store;
    }
}
