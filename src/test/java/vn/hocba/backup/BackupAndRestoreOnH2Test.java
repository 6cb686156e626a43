package vn.hocba.backup;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.hocba.HocBaApplication;
import vn.hocba.audit.Actor;
import vn.hocba.cli.AuditCommand;
import vn.hocba.cli.BackupCommand;
import vn.hocba.cli.RestoreCommand;
import vn.hocba.cli.Subcommand;
import vn.hocba.gradebook.GradebookLocks;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;

/**
 * Issue 18 item 5 on the embedded default: the demo school on H2 with a term locked (audit entries
 * and a signed checkpoint) is backed up with H2's BACKUP TO after the server stopped, restored into
 * another data directory, and opens there with every row, its audit chain matching the checkpoint.
 */
class BackupAndRestoreOnH2Test {

    @TempDir
    Path dataDir;
    @TempDir
    Path restoredDir;
    @TempDir
    Path work;

    @Test
    void theDemoSchoolOnH2IsBackedUpAndRestoredWithEveryRowAndItsAuditChainMatchingTheCheckpoint() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(HocBaApplication.class)
                .web(WebApplicationType.NONE).run("--hocba.data-dir=" + dataDir, "--spring.main.banner-mode=off")) {
            SchoolDirectory directory = app.getBean(SchoolDirectory.class);
            SchoolClass c = directory.classByCode(directory.activeYear(directory.schools().get(0).id()).orElseThrow().id(),
                    "6A1").orElseThrow();
            app.getBean(GradebookLocks.class).lock(new GradebookLocks.LockRequest(c.yearId().value(), 1, c.id(), null,
                    "Chốt học kì I (kiểm thử sao lưu)"), new Actor("hieutruong", "PRINCIPAL", "test"), "Lê Văn Triển");
        }
        assertThat(dataDir.resolve("audit-checkpoints")).as("the lock made a checkpoint").isNotEmptyDirectory();
        Path backup = work.resolve("hocba.zip");
        Run made = run(new BackupCommand(), dataDir, "--out", backup.toString(), "--include-keys");
        assertThat(made.status()).as(made.toString()).isZero();
        System.out.println(made.out());

        Run restored = run(new RestoreCommand(), restoredDir, backup.toString());
        assertThat(restored.status()).as(restored.toString()).isZero();
        assertThat(rows(restoredDir)).isEqualTo(rows(dataDir)).containsKey("MARK");
        assertThat(rows(restoredDir).get("MARK")).hasSizeGreaterThan(1000);
        assertThat(rows(restoredDir).get("AUDIT_ENTRY")).isNotEmpty();
        assertThat(DirectoryHashes.of(restoredDir.resolve("audit-checkpoints")))
                .isEqualTo(DirectoryHashes.of(dataDir.resolve("audit-checkpoints")));

        Run verify = run(new AuditCommand(HocBaApplication.class), restoredDir, "verify");
        assertThat(verify.status()).as(verify.toString()).isZero();
        assertThat(verify.out()).containsPattern("Khớp với [1-9]\\d* mốc");

        Run again = run(new RestoreCommand(), restoredDir, backup.toString());
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err()).contains("cơ sở dữ liệu H2").contains("Không khôi phục gì");
    }

    private static Map<String, List<String>> rows(Path dir) throws Exception {
        String password = Files.readString(dir.resolve("db/hocba.password")).trim();
        return DatabaseRows.of("jdbc:h2:file:" + dir.resolve("db/hocba") + ";IFEXISTS=TRUE", "sa", password, "PUBLIC");
    }

    private static Run run(Subcommand command, Path dir, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--hocba.data-dir=" + dir);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = command.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    record Run(int status, String out, String err) {
    }
}
