package vn.hocba.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hocba.common.Sha256;

/** The S3 document store against a real S3 API server (S3Proxy) in this JVM, not a mock of the client. */
class S3ObjectStoreTest {

    private static final String BUCKET = "hocba-documents";
    private static S3Server server;
    private static S3ObjectStore store;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3Server.start(true);
        server.createBucket(BUCKET);
        store = (S3ObjectStore) StorageSettings.open("s3", null, server.endpoint(), BUCKET, "us-east-1", true,
                name -> Map.of(StorageSettings.ACCESS_KEY, S3Server.ACCESS_KEY,
                        StorageSettings.SECRET_KEY, S3Server.SECRET_KEY).get(name));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void aPutObjectIsReadBackWithItsHashRecordedInTheBucketAndIsNeverOverwritten() throws Exception {
        byte[] pdf = "%PDF-1.7 học bạ HS00001".getBytes(StandardCharsets.UTF_8);
        String key = "documents/transcript/HB-DEMO01-2025-2026-HS00001-v1.pdf";

        StoredObject stored = store.put(key, "HB-DEMO01-2025-2026-HS00001-v1", out -> out.write(pdf));

        assertThat(stored.sha256()).isEqualTo(Sha256.hex(pdf));
        assertThat(stored.size()).isEqualTo(pdf.length);
        assertThat(store.read(key, Sha256.hex(pdf), "HB-DEMO01-2025-2026-HS00001-v1")).isEqualTo(pdf);
        var metadata = server.client().statObject(StatObjectArgs.builder().bucket(BUCKET).object(key).build());
        assertThat(metadata.userMetadata().get("sha256")).isEqualTo(Sha256.hex(pdf));
        // A resumed step writing the same bytes again finds them stored; other bytes are refused.
        assertThat(store.put(key, "HB-DEMO01-2025-2026-HS00001-v1", out -> out.write(pdf))).isEqualTo(stored);
        assertThatThrownBy(() -> store.put(key, "HB-DEMO01-2025-2026-HS00001-v1", out -> out.write("khác".getBytes())))
                .isInstanceOf(ObjectAlreadyStoredException.class).hasMessageContaining("không bao giờ bị ghi đè");
        assertThat(store.read(key, null, "HB-DEMO01-2025-2026-HS00001-v1")).isEqualTo(pdf);
        assertThat(store.list("documents/transcript/")).containsExactly(key);
    }

    @Test
    void aWriteThatFailsHalfWayLeavesNoObjectUnderItsKey() {
        String key = "exports/2025-2026/6A1-v1.zip";

        assertThatThrownBy(() -> store.put(key, "6A1-v1.zip", out -> {
            out.write(new byte[100_000]);
            throw new IOException("the node stopped while building the package");
        })).isInstanceOf(StoredObjectException.class).hasMessageContaining("6A1-v1.zip");

        assertThat(store.exists(key)).isFalse();
        assertThat(store.list("exports/")).isEmpty();
    }

    @Test
    void anObjectWrittenByAStepThatCrashedBeforeItsCommitIsFoundAndFinishedByTheResumedStep() {
        // The step wrote the signed file, then the node died before document_signature recorded it.
        byte[] signed = "%PDF signed by the principal".getBytes(StandardCharsets.UTF_8);
        String key = "signed/6A1/HB-DEMO01-2025-2026-HS00002-v1/3-hieu-truong.pdf";
        store.put(key, "HB-DEMO01-2025-2026-HS00002-v1", out -> out.write(signed));

        // The resumed step (any node) finds the object, reads it checked against the hash stored with it,
        // and records that hash: from then on reads are checked against the database's record.
        assertThat(store.exists(key)).isTrue();
        String recorded = Sha256.hex(store.read(key, null, "HB-DEMO01-2025-2026-HS00002-v1"));
        assertThat(recorded).isEqualTo(Sha256.hex(signed));
        assertThat(store.read(key, recorded, "HB-DEMO01-2025-2026-HS00002-v1")).isEqualTo(signed);
        assertThatThrownBy(() -> store.put(key, "HB-DEMO01-2025-2026-HS00002-v1", out -> out.write("again".getBytes())))
                .isInstanceOf(ObjectAlreadyStoredException.class);
    }

    @Test
    void aTamperedObjectIsAnErrorNamingTheDocumentNeverAPath() throws Exception {
        byte[] pdf = "%PDF original report card".getBytes(StandardCharsets.UTF_8);
        String key = "documents/report-card/LL-DEMO01-2025-2026-HS00003-HK1-v1.pdf";
        String document = "LL-DEMO01-2025-2026-HS00003-HK1-v1";
        String recorded = store.put(key, document, out -> out.write(pdf)).sha256();

        // Someone with rights on the bucket replaces the bytes and even keeps the recorded hash as metadata.
        byte[] forged = "%PDF forged report card!!".getBytes(StandardCharsets.UTF_8);
        server.client().putObject(PutObjectArgs.builder().bucket(BUCKET).object(key)
                .stream(new ByteArrayInputStream(forged), forged.length, -1).userMetadata(Map.of("sha256", recorded))
                .build());

        assertThatThrownBy(() -> store.read(key, recorded, document)).isInstanceOf(StoredObjectException.class)
                .hasMessageContaining(document).hasMessageContaining("đã bị thay đổi")
                .hasMessageNotContaining(key).hasMessageNotContaining(BUCKET).hasMessageNotContaining("127.0.0.1");
        assertThatThrownBy(() -> store.verify(key, recorded, document)).isInstanceOf(StoredObjectException.class);

        // Replaced with honest metadata: refused before a byte is streamed.
        server.client().putObject(PutObjectArgs.builder().bucket(BUCKET).object(key)
                .stream(new ByteArrayInputStream(forged), forged.length, -1)
                .userMetadata(Map.of("sha256", Sha256.hex(forged))).build());
        assertThatThrownBy(() -> store.open(key, recorded, document)).isInstanceOf(StoredObjectException.class)
                .hasMessageContaining(document).hasMessageContaining(recorded.substring(0, 16));

        server.client().removeObject(RemoveObjectArgs.builder().bucket(BUCKET).object(key).build());
        assertThatThrownBy(() -> store.read(key, recorded, document)).isInstanceOf(StoredObjectException.class)
                .hasMessageContaining("Không tìm thấy").hasMessageContaining(document).hasMessageNotContaining(key);
    }

    @Test
    void aLargePackageIsStreamedInPiecesAndCheckedAtItsEnd() throws Exception {
        byte[] nineMegabytes = new byte[9 * 1024 * 1024];
        new java.util.Random(20).nextBytes(nineMegabytes);
        String key = "exports/2025-2026/9A2-v1.zip";
        String sha256 = store.put(key, "9A2-v1.zip", out -> {
            for (int i = 0; i < nineMegabytes.length; i += 64 * 1024) {
                out.write(nineMegabytes, i, 64 * 1024);
            }
        }).sha256();

        long read = 0;
        try (InputStream in = store.open(key, sha256, "9A2-v1.zip")) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                read += n;
            }
        }
        assertThat(read).isEqualTo(nineMegabytes.length);
        assertThat(sha256).isEqualTo(Sha256.hex(nineMegabytes));
    }
}
