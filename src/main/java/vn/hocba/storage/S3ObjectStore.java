package vn.hocba.storage;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Objects in a bucket of S3-compatible object storage (MinIO, Ceph RGW, the cloud providers). A put
 * first spools the bytes to a node-local temporary file (hashing them), then uploads them in one
 * request with the SHA-256 as user metadata ({@code x-amz-meta-sha256}) and {@code If-None-Match: *}:
 * S3 makes an object visible only when its upload completed, and a key that exists is not replaced (a
 * server that ignores the condition is covered by the check before the upload). Reads compare the
 * metadata with the database's hash, then hash the streamed bytes.
 */
public final class S3ObjectStore implements ObjectStore {

    static final String SHA256 = "sha256";

    private final MinioClient client;
    private final String bucket;
    private final String endpoint;

    public S3ObjectStore(MinioClient client, String bucket, String endpoint) {
        this.client = client;
        this.bucket = bucket;
        this.endpoint = endpoint;
    }

    /** Connects to {@code endpoint}; {@code accessKey} null for anonymous access. */
    public static S3ObjectStore connect(String endpoint, String region, String bucket, boolean pathStyle,
            String accessKey, String secretKey) {
        MinioClient.Builder builder = MinioClient.builder().endpoint(endpoint);
        if (region != null && !region.isBlank()) {
            builder.region(region);
        }
        if (accessKey != null && !accessKey.isBlank()) {
            builder.credentials(accessKey, secretKey);
        }
        MinioClient client = builder.build();
        if (!pathStyle) {
            client.enableVirtualStyleEndpoint();
        }
        return new S3ObjectStore(client, bucket, endpoint);
    }

    /** Whether the bucket exists (checked at start-up: the operator creates it). */
    public boolean bucketExists() {
        try {
            return client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
        } catch (Exception e) {
            throw new IllegalStateException("cannot reach the object storage at " + endpoint + ": " + e.getMessage(), e);
        }
    }

    @Override
    public StoredObject put(String key, String document, Content content) {
        ObjectKeys.checked(key);
        Path spool = null;
        try {
            spool = Files.createTempFile("hocba-upload-", ".part");
            MessageDigest digest = VerifyingInputStream.sha256();
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(spool), digest)) {
                content.writeTo(out);
            }
            StoredObject written = new StoredObject(key, HexFormat.of().formatHex(digest.digest()), Files.size(spool));
            Optional<StoredObject> stored = stat(key);
            if (stored.isPresent()) {
                return sameAsStored(stored.get(), written, document);
            }
            try (InputStream in = Files.newInputStream(spool)) {
                client.putObject(PutObjectArgs.builder().bucket(bucket).object(key).stream(in, written.size(), -1)
                        .userMetadata(Map.of(SHA256, written.sha256())).headers(Map.of("If-None-Match", "*"))
                        .contentType(contentType(key)).build());
            } catch (ErrorResponseException e) {
                if (!"PreconditionFailed".equals(e.errorResponse().code())) {
                    throw e;
                }
                return sameAsStored(stat(key).orElseThrow(), written, document);
            }
            return written;
        } catch (ObjectAlreadyStoredException | StoredObjectException e) {
            throw e;
        } catch (Exception e) {
            throw StoredObjectException.unwritable(document, e);
        } finally {
            deleteQuietly(spool);
        }
    }

    private static StoredObject sameAsStored(StoredObject stored, StoredObject written, String document) {
        if (!written.sha256().equals(stored.sha256())) {
            throw new ObjectAlreadyStoredException(document);
        }
        return stored;
    }

    @Override
    public boolean exists(String key) {
        return stat(key).isPresent();
    }

    @Override
    public Optional<StoredObject> stat(String key) {
        try {
            StatObjectResponse stat = client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build());
            return Optional.of(new StoredObject(key, metadataSha256(stat), stat.size()));
        } catch (ErrorResponseException e) {
            if (isMissing(e)) {
                return Optional.empty();
            }
            throw new IllegalStateException("object storage: cannot read " + key + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("object storage: cannot read " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(String key, String expectedSha256, String document) {
        StoredObject stored;
        try {
            stored = stat(key).orElseThrow(() -> StoredObjectException.missing(document));
        } catch (IllegalStateException e) {
            throw StoredObjectException.unreadable(document, e);
        }
        String expected = expectedSha256 != null ? expectedSha256.trim() : stored.sha256();
        if (expected != null && stored.sha256() != null && !expected.equalsIgnoreCase(stored.sha256())) {
            throw StoredObjectException.altered(document, expected, stored.sha256());
        }
        try {
            return new VerifyingInputStream(client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build()),
                    expected, document);
        } catch (ErrorResponseException e) {
            throw isMissing(e) ? StoredObjectException.missing(document) : StoredObjectException.unreadable(document, e);
        } catch (Exception e) {
            throw StoredObjectException.unreadable(document, e);
        }
    }

    @Override
    public boolean discardUnrecorded(String key) {
        if (!exists(key)) {
            return false;
        }
        try {
            client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
            return true;
        } catch (Exception e) {
            throw new IllegalStateException("object storage: cannot remove " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> list(String prefix) {
        List<String> keys = new ArrayList<>();
        try {
            for (var result : client.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(prefix).recursive(true)
                    .build())) {
                Item item = result.get();
                if (!item.isDir()) {
                    keys.add(item.objectName());
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("object storage: cannot list " + prefix + ": " + e.getMessage(), e);
        }
        return keys.stream().sorted().toList();
    }

    @Override
    public String describe() {
        return "kho đối tượng S3 " + endpoint + ", bucket " + bucket;
    }

    private static String metadataSha256(StatObjectResponse stat) {
        for (var entry : stat.userMetadata().entrySet()) {
            if (entry.getKey().equalsIgnoreCase(SHA256)) {
                return entry.getValue().trim();
            }
        }
        return null;
    }

    private static boolean isMissing(ErrorResponseException e) {
        String code = e.errorResponse().code();
        return "NoSuchKey".equals(code) || "NoSuchObject".equals(code) || e.response() != null && e.response().code() == 404;
    }

    private static String contentType(String key) {
        return key.endsWith(".pdf") ? "application/pdf" : key.endsWith(".zip") ? "application/zip"
                : key.endsWith(".json") ? "application/json" : "application/octet-stream";
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file left in the system's temporary directory is harmless
            }
        }
    }
}
