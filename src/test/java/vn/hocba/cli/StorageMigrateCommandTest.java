package vn.hocba.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.minio.ListObjectsArgs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hocba.common.Sha256;
import vn.hocba.storage.S3Server;
import vn.hocba.storage.S3ObjectStore;

/** {@code storage migrate --to s3} against a real S3 API server: documents copied and verified, keys never copied. */
class StorageMigrateCommandTest {

    @TempDir
    Path dataDir;

    @Test
    void theInstallationsDocumentsAreCopiedToTheBucketAndEveryHashIsVerifiedButNoKeyMaterial() throws Exception {
        byte[] transcript = "%PDF transcript".getBytes(StandardCharsets.UTF_8);
        write("documents/transcript/HB-DEMO01-2025-2026-HS00001-v1.pdf", transcript);
        write("documents/transcript/HB-DEMO01-2025-2026-HS00001-v1.pdf.sha256",
                (Sha256.hex(transcript) + "  HB-DEMO01-2025-2026-HS00001-v1.pdf\n").getBytes(StandardCharsets.US_ASCII));
        write("signed/6A1/HB-DEMO01-2025-2026-HS00001-v1/2-gvcn.pdf", "%PDF signed".getBytes());
        write("exports/2025-2026/6A1-v1.zip", new byte[300_000]);
        write("audit-checkpoints/chain/000000000042/checkpoint.json", "{}".getBytes());
        write("pki/root.p12", "PRIVATE KEY".getBytes());
        write("db/hocba.mv.db", "database".getBytes());

        try (S3Server server = S3Server.start(true)) {
            server.createBucket("truong-demo01");
            Map<String, String> environment = Map.of("HOCBA_STORAGE_ACCESS_KEY", S3Server.ACCESS_KEY,
                    "HOCBA_STORAGE_SECRET_KEY", S3Server.SECRET_KEY);
            List<String> args = List.of("migrate", "--to", "s3", "--hocba.data-dir=" + dataDir,
                    "--hocba.storage.endpoint=" + server.endpoint(), "--hocba.storage.bucket=truong-demo01");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int status = new StorageCommand(environment::get).run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));

            assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("Đã chép 4 tệp, 0 tệp đã có sẵn", "khớp hết");
            assertThat(keys(server)).containsExactly("audit-checkpoints/chain/000000000042/checkpoint.json",
                    "documents/transcript/HB-DEMO01-2025-2026-HS00001-v1.pdf", "exports/2025-2026/6A1-v1.zip",
                    "signed/6A1/HB-DEMO01-2025-2026-HS00001-v1/2-gvcn.pdf");
            S3ObjectStore bucket = S3ObjectStore.connect(server.endpoint(), null, "truong-demo01", true,
                    S3Server.ACCESS_KEY, S3Server.SECRET_KEY);
            assertThat(bucket.read("documents/transcript/HB-DEMO01-2025-2026-HS00001-v1.pdf", Sha256.hex(transcript),
                    "HB")).isEqualTo(transcript);

            // Run again after a file was altered on the old disk: nothing is overwritten, the difference is reported.
            Files.delete(dataDir.resolve("exports/2025-2026/6A1-v1.zip"));
            write("exports/2025-2026/6A1-v1.zip", new byte[300_001]);
            err.reset();
            out.reset();
            int again = new StorageCommand(environment::get).run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(again).isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("Đã chép 0 tệp, 4 tệp đã có sẵn");
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("1 tệp KHÔNG khớp", "exports/2025-2026/6A1-v1.zip");
        }
    }

    private void write(String key, byte[] bytes) throws Exception {
        Path file = dataDir.resolve(key);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    private static List<String> keys(S3Server server) throws Exception {
        List<String> keys = new ArrayList<>();
        for (var item : server.client().listObjects(ListObjectsArgs.builder().bucket("truong-demo01").recursive(true)
                .build())) {
            keys.add(item.get().objectName());
        }
        return keys.stream().sorted().toList();
    }
}
