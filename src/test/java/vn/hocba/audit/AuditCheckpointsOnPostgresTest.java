package vn.hocba.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.europa.esig.dss.cades.validation.CMSDocumentValidator;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hocba.audit.checkpoint.CheckpointDocument;
import vn.hocba.audit.checkpoint.CheckpointFiles;
import vn.hocba.cli.AuditCommand;
import vn.hocba.gradebook.GradebookLocks;
import vn.hocba.schoolyear.SchoolSetup;
import vn.hocba.schoolyear.TermDates;
import vn.hocba.schoolyear.YearSetup;
import vn.hocba.pades.SigningServices;
import vn.hocba.support.EmbeddedPostgresDatabases;
import vn.hocba.support.TemporaryDataDirectory;

/**
 * Issue 13 item 7: someone with the database owner's rights rewrites the audit chain so that it is
 * consistent again (an entry edited and every hash after it recomputed; the tail cut off and the
 * head fixed). Both passed {@code audit verify} before checkpoints existed; the signed checkpoints
 * kept outside the database now name what was changed or removed, and anyone can verify them.
 */
@SpringBootTest(properties = {"hocba.demo.enabled=false", "camunda.bpm.job-execution.enabled=false"})
class AuditCheckpointsOnPostgresTest {

    static String url;
    static Path dataDir;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        url = EmbeddedPostgresDatabases.create("audit_checkpoints");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        dataDir = TemporaryDataDirectory.register(registry, "hocba-audit-checkpoints");
    }

    @AfterAll
    static void removeFiles() {
        TemporaryDataDirectory.delete(dataDir);
    }

    @Autowired
    AuditLog log;
    @Autowired
    AuditVerifier verifier;
    @Autowired
    AuditCheckpoints checkpoints;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    List<Long> ids;
    AuditCheckpoint anchored;

    @BeforeEach
    void eightChangesOfAMarkAnchoredOutsideTheDatabase() {
        asOwner("truncate audit_entry; update audit_head set last_id = 0, last_hash = '" + "0".repeat(64)
                + "', chain_id = null");
        TemporaryDataDirectory.delete(dataDir.resolve("audit-checkpoints"));
        append(8);
        ids = jdbc.sql("select id from audit_entry order by id").query(Long.class).list();
        anchored = checkpoints.anchorNow("kiểm thử").orElseThrow();
    }

    @Test
    void anUntouchedChainAgreesWithItsCheckpointAndAnUnmovedHeadIsNotAnchoredTwice() {
        assertThat(anchored.entryId()).isEqualTo(ids.get(7));
        assertThat(anchored.entries()).isEqualTo(8);
        assertThat(checkpoints.anchorNow("lần nữa")).isEmpty();

        AuditVerification result = verifier.verify();

        assertThat(result.intact()).isTrue();
        assertThat(result.checkpointsChecked()).isOne();
        assertThat(result.lastCheckpointEntry()).isEqualTo(ids.get(7));
        assertThat(result.lastCheckpointTime()).isEqualTo(anchored.time());
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void anEntryEditedWithTheChainRecomputedIsNamedWithTheCheckpointThatSawIt() {
        rewrite(ids.get(2), "10");

        AuditVerification result = verifier.verify();

        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenEntry()).isEqualTo(ids.get(2));
        assertThat(result.findings()).containsExactly("Mục " + ids.get(2) + " đã bị sửa sau mốc kiểm toán lúc "
                + StoredCheckpoints.TIME.format(anchored.time()) + " (đến mục " + ids.get(7) + ").");
        assertThat(result.problem()).isEqualTo(result.findings().get(0));
    }

    @Test
    void theTailTruncatedWithTheHeadFixedIsReportedAsMissingEntries() {
        truncateFrom(ids.get(5));

        AuditVerification result = verifier.verify();

        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenEntry()).isEqualTo(ids.get(5));
        assertThat(result.findings()).containsExactly("Các mục " + ids.get(5) + "–" + ids.get(7)
                + " bị mất: chuỗi kết thúc ở mục " + ids.get(4) + " nhưng mốc kiểm toán lúc "
                + StoredCheckpoints.TIME.format(anchored.time()) + " (đến mục " + ids.get(7) + ") đã thấy đến mục "
                + ids.get(7) + " (8 mục).");
        assertThatThrownBy(() -> checkpoints.anchorNow("sau khi bị cắt")).as("nothing is anchored over a cut chain")
                .hasMessageContaining("entries were removed");
    }

    @Test
    void entriesRemovedAndTheChainContinuedAfterwardsAreNamedAndTheCommandListsThem() {
        truncateFrom(ids.get(5));
        append(2); // the application goes on writing after the cut

        String[] verify = command("verify");

        assertThat(verify[0]).isEqualTo("1");
        assertThat(verify[2]).contains("KHÔNG nguyên vẹn tại mục " + ids.get(5),
                "- Các mục " + ids.get(5) + "–" + ids.get(7) + " đã bị xoá sau mốc kiểm toán lúc");
    }

    @Test
    void theCheckpointCommandAnchorsAMovedHeadOnceAndTheVerifyCommandSaysWhichCheckpointsItMatched() {
        append(2);

        String[] first = command("checkpoint");
        String[] again = command("checkpoint");
        String[] verify = command("verify");

        long head = jdbc.sql("select last_id from audit_head").query(Long.class).single();
        assertThat(first[0]).isEqualTo("0");
        assertThat(first[1]).contains("Đã lập mốc kiểm toán đến mục " + head + " (10 mục)");
        assertThat(again[1]).contains("không lập mốc mới");
        assertThat(verify[0]).isEqualTo("0");
        assertThat(verify[1]).contains("nguyên vẹn: 10 mục", "Khớp với 2 mốc kiểm toán đã ký số (mốc mới nhất: đến mục " + head);
    }

    @Test
    void aLaterCheckpointCoversOnlyTheNewEntriesAndAChangeBeforeItIsStillNamed() throws Exception {
        append(3);
        AuditCheckpoint second = checkpoints.anchorNow("kiểm thử 2").orElseThrow();
        CheckpointDocument document = CheckpointDocument.fromJson(Files.readAllBytes(second.directory().resolve("checkpoint.json")));
        assertThat(document.previous().entryId()).isEqualTo(ids.get(7));
        assertThat(document.digests()).hasSize(3);
        assertThat(document.entries()).isEqualTo(11);
        assertThat(verifier.verify().checkpointsChecked()).isEqualTo(2);

        rewrite(ids.get(6), "99");

        assertThat(verifier.verify().findings()).containsExactly("Mục " + ids.get(6) + " đã bị sửa sau mốc kiểm toán lúc "
                + StoredCheckpoints.TIME.format(anchored.time()) + " (đến mục " + ids.get(7) + ").");
    }

    @Test
    void aCheckpointChangedOrRemovedOnDiskIsReported() throws Exception {
        append(1);
        AuditCheckpoint second = checkpoints.anchorNow("kiểm thử 2").orElseThrow();
        Path json = second.directory().resolve(CheckpointFiles.JSON);
        Files.writeString(json, Files.readString(json).replace("\"entries\": 9", "\"entries\": 10"));
        TemporaryDataDirectory.delete(anchored.directory());

        AuditVerification result = verifier.verify();

        assertThat(result.intact()).isFalse();
        assertThat(result.findings()).singleElement().asString()
                .contains(second.directory().toString(), "không đáng tin", "không khớp với nội dung tệp JSON");
    }

    @Test
    void aChainWhoseIdWasReplacedFindsOnlyOtherChainsCheckpoints() {
        asOwner("update audit_head set chain_id = 'khac'");

        AuditVerification result = verifier.verify();

        assertThat(result.intact()).isFalse();
        assertThat(result.problem()).contains("chỉ có mốc của chuỗi khác (" + anchored.chain() + ")");
    }

    @Test
    void everyLockAnchorsTheChainOnceItsTransactionCommitted(@Autowired SchoolSetup schools, @Autowired YearSetup years,
            @Autowired GradebookLocks locks) {
        var school = schools.createSchool("KT" + System.nanoTime() % 10000, "Trường kiểm thử", "Hà Nội", "THCS");
        var year = years.createYear(school, 2025, List.of(new TermDates(1, LocalDate.of(2025, 9, 5), LocalDate.of(2026, 1, 17)),
                new TermDates(2, LocalDate.of(2026, 1, 19), LocalDate.of(2026, 5, 31))));

        locks.lock(new GradebookLocks.LockRequest(year.value(), 1, null, null, "Chốt học kì I"), new Actor("hieutruong",
                "PRINCIPAL", null), "Lê Văn Triển");

        long head = jdbc.sql("select last_id from audit_head").query(Long.class).single();
        assertThat(jdbc.sql("select action from audit_entry where id = ?").param(head).query(String.class).single())
                .isEqualTo("GRADEBOOK_LOCKED");
        assertThat(Files.exists(anchored.directory().resolveSibling(String.format("%012d", head)))).isTrue();
        assertThat(verifier.verify().checkpointsChecked()).isEqualTo(2);
    }

    @Test
    void theDailyRunAnchorsOnlyWhenTheNewestCheckpointIsOld() {
        append(1);
        checkpoints.anchorWhenDue();
        assertThat(verifier.verify().checkpointsChecked()).as("the newest checkpoint is minutes old").isOne();

        TemporaryDataDirectory.delete(anchored.directory());
        checkpoints.anchorWhenDue();
        assertThat(verifier.verify().lastCheckpointEntry())
                .isEqualTo(jdbc.sql("select last_id from audit_head").query(Long.class).single());
    }

    @Test
    void theCheckpointIsACadesSignatureBySchoolSealWithTimeStampsThatEuDssAndOpensslVerify() throws Exception {
        byte[] json = Files.readAllBytes(anchored.directory().resolve(CheckpointFiles.JSON));
        byte[] p7s = Files.readAllBytes(anchored.directory().resolve(CheckpointFiles.SIGNATURE));
        Path root = dataDir.resolve("pki/root.pem");

        CMSDocumentValidator validator = new CMSDocumentValidator(new InMemoryDocument(p7s, "checkpoint.json.p7s"));
        validator.setDetachedContents(List.of(new InMemoryDocument(json, "checkpoint.json")));
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        SigningServices.readCertificates(root).forEach(c -> trusted.addCertificate(new CertificateToken(c)));
        CommonCertificateVerifier certificates = new CommonCertificateVerifier();
        certificates.setTrustedCertSources(trusted);
        certificates.setAIASource(null);
        certificates.setOcspSource(null);
        certificates.setCrlSource(null);
        validator.setCertificateVerifier(certificates);
        var reports = validator.validateDocument();
        DiagnosticData diagnostic = reports.getDiagnosticData();
        SignatureWrapper signature = diagnostic.getSignatures().get(0);

        assertThat(signature.isSignatureIntact()).isTrue();
        assertThat(signature.isSignatureValid()).isTrue();
        assertThat(signature.isTrustedChain()).isTrue();
        assertThat(signature.getSignatureFormat()).isEqualTo(SignatureLevel.CAdES_BASELINE_T);
        assertThat(signature.getSigningCertificate().getCommonName()).isEqualTo("Nhà trường HocBa (phát triển)");
        assertThat(signature.getTimestampList()).singleElement().satisfies(t -> {
            assertThat(t.isMessageImprintDataIntact()).isTrue();
            assertThat(t.isSignatureValid()).isTrue();
        });
        assertThat(reports.getSimpleReport().getIndication(signature.getId())).isNotEqualTo(Indication.TOTAL_FAILED);

        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed");
        Path dir = anchored.directory();
        assertThat(run(dir, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", CheckpointFiles.SIGNATURE,
                "-content", CheckpointFiles.JSON, "-CAfile", root.toString(), "-purpose", "any", "-out", "/dev/null"))
                .contains("Verification successful");
        assertThat(run(dir, "openssl", "ts", "-verify", "-in", CheckpointFiles.TIME_STAMP, "-token_in", "-data",
                CheckpointFiles.JSON, "-CAfile", root.toString())).contains("Verification: OK");
    }

    private static String[] command(String subcommand) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new AuditCommand(vn.hocba.HocBaApplication.class).run(List.of(subcommand, "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres", "--hocba.data-dir=" + dataDir),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {String.valueOf(exit), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    private static String run(Path directory, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }

    private void append(int count) {
        Actor teacher = new Actor("gv04", "SUBJECT_TEACHER", "10.0.0.7");
        tx.executeWithoutResult(s -> IntStream.rangeClosed(1, count).forEach(i -> log.append(new AuditRecord(teacher,
                "MARK_CHANGED", "mark 7A1/TOAN/HS00012/HK1/REGULAR#1", String.valueOf(i - 1), String.valueOf(i), null, null))));
    }

    /** Changes the entry's new value, then recomputes every hash from there on and the head. */
    private void rewrite(long id, String newValue) {
        asOwner("alter table audit_entry disable trigger audit_entry_append_only");
        jdbc.sql("update audit_entry set new_value = ? where id = ?").params(newValue, id).update();
        String previous = jdbc.sql("select previous_hash from audit_entry where id = ?").param(id).query(String.class).single();
        long last = id;
        for (AuditEntry e : jdbc.sql("select * from audit_entry where id >= ? order by id").param(id).query(AuditLog::row).list()) {
            String hash = ChainHash.of(previous, e.canonical());
            jdbc.sql("update audit_entry set previous_hash = ?, entry_hash = ? where id = ?").params(previous, hash, e.id()).update();
            previous = hash;
            last = e.id();
        }
        jdbc.sql("update audit_head set last_id = ?, last_hash = ? where id = 1").params(last, previous).update();
        asOwner("alter table audit_entry enable trigger audit_entry_append_only");
        assertThat(verifier.verify().entriesChecked()).as("the chain itself is consistent again")
                .isEqualTo(jdbc.sql("select count(*) from audit_entry").query(Long.class).single());
    }

    /** Deletes the entries from {@code id} on and points the head at the entry before. */
    private void truncateFrom(long id) {
        asOwner("alter table audit_entry disable trigger audit_entry_append_only; delete from audit_entry where id >= " + id
                + "; alter table audit_entry enable trigger audit_entry_append_only");
        var head = jdbc.sql("select id, entry_hash from audit_entry order by id desc limit 1").query().singleRow();
        jdbc.sql("update audit_head set last_id = ?, last_hash = ? where id = 1").params(head.get("id"), head.get("entry_hash"))
                .update();
    }

    /** What only the table owner (here the superuser) can do: the application code never does this. */
    private void asOwner(String sql) {
        for (String statement : sql.split(";")) {
            jdbc.sql(statement).update();
        }
    }
}
