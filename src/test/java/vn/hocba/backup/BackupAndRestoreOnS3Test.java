package vn.hocba.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.hocba.HocBaApplication;
import vn.hocba.audit.Actor;
import vn.hocba.cli.AuditCommand;
import vn.hocba.cli.BackupCommand;
import vn.hocba.cli.RestoreCommand;
import vn.hocba.cli.Subcommand;
import vn.hocba.documents.AssessmentScope;
import vn.hocba.documents.ClassDocuments;
import vn.hocba.documents.DocumentKind;
import vn.hocba.gradebook.GradebookLocks;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.common.Sha256;
import vn.hocba.storage.S3Server;

/**
 * Issue 20 items 1 and 4 (backup covers the bucket): the demo school on H2 with its documents in an S3
 * bucket (S3Proxy in this JVM) locks a term (an audit checkpoint, which goes to the bucket, not the
 * node's disk) and issues the subject result sheets; {@code backup} takes the database and the bucket's
 * objects with the manifest's SHA-256, {@code restore} brings them into an empty database and an empty
 * bucket, and the restored installation has every row, every object with the same hash, and its audit
 * chain matching the checkpoint read from the restored bucket.
 */
class BackupAndRestoreOnS3Test {

    private static S3Server server;

    @TempDir
    Path dataDir;
    @TempDir
    Path restoredDir;
    @TempDir
    Path work;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3Server.start(false);
        server.createBucket("hocba-school");
        server.createBucket("hocba-restored");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void theBucketIsBackedUpWithTheDatabaseAndRestoredIntoAnEmptyBucketWithEveryHash() throws Exception {
        int sheets;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(HocBaApplication.class)
                .web(WebApplicationType.NONE).run(args(dataDir, "hocba-school", "--spring.main.banner-mode=off",
                        "--camunda.bpm.job-execution.enabled=false").toArray(String[]::new))) {
            SchoolDirectory directory = app.getBean(SchoolDirectory.class);
            SchoolClass c = directory.classByCode(directory.activeYear(directory.schools().get(0).id()).orElseThrow().id(),
                    "6A1").orElseThrow();
            Actor principal = new Actor("hieutruong", "PRINCIPAL", "test");
            app.getBean(GradebookLocks.class).lock(new GradebookLocks.LockRequest(c.yearId().value(), 1, c.id(), null,
                    "Chốt học kì I (kiểm thử sao lưu kho S3)"), principal, "Lê Văn Triển");
            sheets = app.getBean(ClassDocuments.class).generate(c.id(), AssessmentScope.TERM_1, principal,
                    UnaryOperator.identity(), EnumSet.of(DocumentKind.SUBJECT_RESULT_SHEET)).documents().size();
        }
        Map<String, String> school = objects("hocba-school");
        assertThat(sheets).isGreaterThanOrEqualTo(10);
        assertThat(school.keySet()).filteredOn(k -> k.startsWith("documents/")).hasSize(sheets);
        assertThat(school.keySet()).as("the lock's checkpoint, completed by its marker, is in the bucket")
                .anyMatch(k -> k.startsWith("audit-checkpoints/") && k.endsWith("/checkpoint.done"));
        assertThat(dataDir.resolve("audit-checkpoints")).doesNotExist();
        assertThat(dataDir.resolve("documents")).doesNotExist();

        Path backup = work.resolve("hocba-s3.zip");
        Run made = run(new BackupCommand(), args(dataDir, "hocba-school", "--out", backup.toString()));
        assertThat(made.status()).as(made.toString()).isZero();
        Map<String, String> manifest = new TreeMap<>();
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            BackupZip.readManifest(zip).entries().stream().filter(e -> e.path().startsWith("files/"))
                    .forEach(e -> manifest.put(e.path().substring("files/".length()), e.sha256()));
        }
        assertThat(manifest).as("every object of the bucket, with its SHA-256, in the manifest").isEqualTo(school);

        Run restored = run(new RestoreCommand(), args(restoredDir, "hocba-restored", backup.toString()));
        assertThat(restored.status()).as(restored.toString()).isZero();
        assertThat(objects("hocba-restored")).isEqualTo(school);
        assertThat(rows(restoredDir)).isEqualTo(rows(dataDir)).containsKey("ISSUED_DOCUMENT");
        assertThat(rows(restoredDir).get("ISSUED_DOCUMENT")).hasSize(sheets);

        Run verify = run(new AuditCommand(HocBaApplication.class), args(restoredDir, "hocba-restored", "verify"));
        assertThat(verify.status()).as(verify.toString()).isZero();
        assertThat(verify.out()).containsPattern("Khớp với [1-9]\\d* mốc");

        Run again = run(new RestoreCommand(), args(restoredDir, "hocba-restored", backup.toString()));
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err()).contains("bucket hocba-restored").contains("Không khôi phục gì");
    }

    private List<String> args(Path dir, String bucket, String... more) {
        List<String> all = new ArrayList<>(List.of(more));
        all.add("--hocba.data-dir=" + dir);
        all.add("--hocba.storage.type=s3");
        all.add("--hocba.storage.endpoint=" + server.endpoint());
        all.add("--hocba.storage.bucket=" + bucket);
        all.add("--hocba.storage.region=us-east-1");
        // Nodes sharing a bucket share one development PKI (the seal that signs and verifies the checkpoints).
        all.add("--hocba.signing.development-pki=" + work.resolve("pki"));
        return all;
    }

    /** Every object of the bucket with the SHA-256 of its bytes (read with a plain client, not HocBa's store). */
    private static Map<String, String> objects(String bucket) throws Exception {
        MinioClient client = MinioClient.builder().endpoint(server.endpoint()).build();
        Map<String, String> hashes = new TreeMap<>();
        for (var item : client.listObjects(ListObjectsArgs.builder().bucket(bucket).recursive(true).build())) {
            String key = item.get().objectName();
            try (InputStream in = client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
                hashes.put(key, Sha256.hex(in.readAllBytes()));
            }
        }
        return hashes;
    }

    private static Map<String, List<String>> rows(Path dir) throws Exception {
        String password = Files.readString(dir.resolve("db/hocba.password")).trim();
        return DatabaseRows.of("jdbc:h2:file:" + dir.resolve("db/hocba") + ";IFEXISTS=TRUE", "sa", password, "PUBLIC");
    }

    private static Run run(Subcommand command, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = command.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    record Run(int status, String out, String err) {
    }
}
