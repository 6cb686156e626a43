package vn.hocba.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hocba.common.Sha256;
import vn.hocba.storage.ObjectStore;
import vn.hocba.storage.S3Server;
import vn.hocba.storage.StorageSettings;
import vn.hocba.storage.StoredObject;
import vn.hocba.storage.StoredObjectException;

/**
 * Audit checkpoints in the bucket (issue 20 item 1) against a real S3 API server (S3Proxy) in this JVM:
 * a node that dies between the parts of a checkpoint never blocks the next anchoring of that head, of
 * two nodes anchoring one head only the first counts, and a replaced part is refused on read.
 */
class CheckpointObjectsOnS3Test {

    private static final String BUCKET = "hocba-checkpoints";
    private static S3Server server;
    private static ObjectStore store;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3Server.start(true);
        server.createBucket(BUCKET);
        store = StorageSettings.open("s3", null, server.endpoint(), BUCKET, "us-east-1", true,
                name -> Map.of(StorageSettings.ACCESS_KEY, S3Server.ACCESS_KEY,
                        StorageSettings.SECRET_KEY, S3Server.SECRET_KEY).get(name));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void aNodeThatDiesBetweenThePartsNeverBlocksTheNextAnchoringOfThatHead() {
        String chain = "0f6c1e2a-1111-4a4a-9d9d-000000000001";
        CheckpointObjects dying = new CheckpointObjects(new DiesAfterPuts(store, 2));
        assertThatThrownBy(() -> dying.write(chain, 1250, bytes("json A"), bytes("p7s A"), bytes("tst A")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("node died");
        CheckpointObjects files = new CheckpointObjects(store);
        assertThat(store.list(CheckpointObjects.PREFIX + chain + "/")).as("two parts of the dead attempt").hasSize(2);
        assertThat(files.of(chain)).as("a checkpoint without its completion marker does not count").isEmpty();
        assertThat(files.otherChains("another")).doesNotContain(chain);

        // All three parts written, then the node died before the marker: still not a checkpoint.
        CheckpointObjects dyingBeforeMarker = new CheckpointObjects(new DiesAfterPuts(store, 3));
        assertThatThrownBy(() -> dyingBeforeMarker.write(chain, 1250, bytes("json B"), bytes("p7s B"), bytes("tst B")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(files.of(chain)).isEmpty();

        // The next anchoring of the same head (new signature, new time-stamp: other bytes) completes.
        assertThat(files.write(chain, 1250, bytes("json C"), bytes("p7s C"), bytes("tst C"))).isTrue();
        // Another node anchoring the same head afterwards, or racing it, keeps the first.
        assertThat(files.write(chain, 1250, bytes("json D"), bytes("p7s D"), bytes("tst D"))).isFalse();
        CheckpointFiles.Stored stored = files.of(chain).get(0);
        assertThat(files.of(chain)).hasSize(1);
        assertThat(stored.entryId()).isEqualTo(1250);
        assertThat(parts(stored)).containsExactly("json C", "p7s C", "tst C");
        assertThat(files.newest(chain)).map(CheckpointFiles.Stored::entryId).contains(1250L);
        assertThat(files.otherChains("another")).containsExactly(chain);
    }

    @Test
    void aPartReplacedInTheBucketIsRefusedEvenWithHonestMetadata() throws Exception {
        String chain = "0f6c1e2a-2222-4a4a-9d9d-000000000002";
        CheckpointObjects files = new CheckpointObjects(store);
        assertThat(files.write(chain, 7, bytes("{\"entries\":7}"), bytes("p7s"), bytes("tst"))).isTrue();
        String json = store.list(CheckpointObjects.PREFIX + chain + "/").stream()
                .filter(k -> k.endsWith("/" + CheckpointFiles.JSON)).findFirst().orElseThrow();
        byte[] forged = bytes("{\"entries\":5}");
        server.client().putObject(PutObjectArgs.builder().bucket(BUCKET).object(json)
                .stream(new ByteArrayInputStream(forged), forged.length, -1)
                .userMetadata(Map.of("sha256", Sha256.hex(forged))).build());

        CheckpointFiles.Stored stored = files.of(chain).get(0);
        assertThatThrownBy(stored::json).isInstanceOf(StoredObjectException.class)
                .hasMessageContaining("mốc kiểm toán đến mục 7").hasMessageContaining("đã bị thay đổi");
    }

    @Test
    void aCheckpointCopiedByStorageMigrateIsReadAsItIs() throws Exception {
        String chain = "0f6c1e2a-3333-4a4a-9d9d-000000000003";
        String folder = CheckpointObjects.PREFIX + chain + "/000000000042/";
        for (String part : List.of(CheckpointFiles.JSON, CheckpointFiles.SIGNATURE, CheckpointFiles.TIME_STAMP)) {
            store.put(folder + part, "migrated", out -> out.write(bytes("migrated " + part)));
        }
        CheckpointObjects files = new CheckpointObjects(store);

        assertThat(files.of(chain)).extracting(CheckpointFiles.Stored::entryId).containsExactly(42L);
        assertThat(files.of(chain).get(0).json()).isEqualTo(bytes("migrated checkpoint.json"));
        assertThat(files.write(chain, 42, bytes("x"), bytes("y"), bytes("z"))).as("that head is anchored").isFalse();
    }

    private static List<String> parts(CheckpointFiles.Stored stored) {
        try {
            return List.of(new String(stored.json(), StandardCharsets.UTF_8),
                    new String(stored.signature(), StandardCharsets.UTF_8),
                    new String(stored.timeStamp(), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The bucket as a node sees it that dies (its process killed) after {@code puts} writes. */
    private static final class DiesAfterPuts implements ObjectStore {

        private final ObjectStore store;
        private final AtomicInteger left;

        DiesAfterPuts(ObjectStore store, int puts) {
            this.store = store;
            this.left = new AtomicInteger(puts);
        }

        @Override
        public StoredObject put(String key, String document, Content content) {
            if (left.getAndDecrement() <= 0) {
                throw new IllegalStateException("node died before writing " + key);
            }
            return store.put(key, document, content);
        }

        @Override
        public boolean exists(String key) {
            return store.exists(key);
        }

        @Override
        public Optional<StoredObject> stat(String key) {
            return store.stat(key);
        }

        @Override
        public InputStream open(String key, String expectedSha256, String document) {
            return store.open(key, expectedSha256, document);
        }

        @Override
        public boolean discardUnrecorded(String key) {
            return store.discardUnrecorded(key);
        }

        @Override
        public List<String> list(String prefix) {
            return store.list(prefix);
        }

        @Override
        public String describe() {
            return store.describe();
        }
    }
}
