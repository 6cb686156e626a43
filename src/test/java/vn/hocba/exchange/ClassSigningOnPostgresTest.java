package vn.hocba.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.simplereport.SimpleReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.hocba.audit.Actor;
import vn.hocba.common.Rejected;
import vn.hocba.common.Sha256;
import vn.hocba.documents.YearCompletion;
import vn.hocba.gradebook.ClassResultsStore;
import vn.hocba.gradebook.GradebookBulkLoad;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.TeachingAssignment;
import vn.hocba.signing.SigningServices;
import vn.hocba.signing.verify.SignatureVerifier;
import vn.hocba.students.StudentRegistry;
import vn.hocba.support.ApiClient;
import vn.hocba.support.EmbeddedPostgresDatabases;

/**
 * Demo class 6A1's year documents signed in the school's order on real PostgreSQL with the
 * development PKI: sheets by their teachers, transcripts by homeroom teacher, principal and seal,
 * then LT/LTA; verified by EU DSS against the development root written to the data directory.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClassSigningOnPostgresTest {

    private static Path dataDir;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws Exception {
        EmbeddedPostgresDatabases.register(registry, "class_signing");
        dataDir = vn.hocba.support.TemporaryDataDirectory.register(registry, "hocba-signing-test");
    }

    @AfterAll
    static void removeFiles() throws Exception {
        vn.hocba.support.TemporaryDataDirectory.delete(dataDir);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SchoolDirectory directory;
    @Autowired
    ClassResultsStore results;
    @Autowired
    StudentRegistry registry;
    @Autowired
    GradebookBulkLoad load;
    @Autowired
    ClassSigning signing;
    SchoolClass schoolClass;
    final Actor by = new Actor("hieutruong", "PRINCIPAL", "test");

    @BeforeAll
    void issueTheYearDocuments() {
        var year = directory.activeYear(directory.schools().get(0).id()).orElseThrow();
        schoolClass = directory.classByCode(year.id(), "6A1").orElseThrow();
        new YearCompletion(directory, registry, load, results).completeTermTwo(schoolClass);
        var reply = new ApiClient(mvc).post("hieutruong",
                "/api/classes/" + schoolClass.id().value() + "/documents?scope=YEAR", "");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    @Test
    @Order(1)
    void thePrincipalCannotSignBeforeTheHomeroomTeacherNorTheSealBeforeThePrincipal() throws Exception {
        assertThatThrownBy(() -> signing.principalSigns(schoolClass.id(), by)).isInstanceOf(Rejected.class)
                .hasMessageContaining("chưa được ký ở bước «Giáo viên chủ nhiệm»");
        assertThatThrownBy(() -> signing.applySeal(schoolClass.id(), by)).isInstanceOf(Rejected.class)
                .hasMessageContaining("chưa được ký ở bước «Hiệu trưởng»");
        assertThat(signedFileCount()).isZero();
    }

    @Test
    @Order(2)
    void aPrincipalBatchInterruptedByADocumentItCannotReadResumesWithOnlyThatDocument() throws Exception {
        for (TeachingAssignment assignment : oneAssignmentPerSubject()) {
            signing.signSubjectSheet(assignment.id(), by);
        }
        signing.homeroomSigns(schoolClass.id(), by);
        int transcripts = signing.progress(schoolClass.id()).transcripts();
        Path broken = signedFileHashes().keySet().stream()
                .filter(f -> f.getFileName().toString().equals(SigningStage.HOMEROOM_TEACHER.fileName()))
                .findFirst().orElseThrow();
        byte[] good = Files.readAllBytes(broken);
        Files.write(broken, "damaged".getBytes());

        assertThatThrownBy(() -> signing.principalSigns(schoolClass.id(), by))
                .isInstanceOf(vn.hocba.signing.SigningException.class)
                .hasMessageContaining("Không ký được 1 văn bản của lớp 6A1");
        assertThat(signing.progress(schoolClass.id()).signedByPrincipal()).isEqualTo(transcripts - 1);

        Files.write(broken, good);
        var resumed = signing.principalSigns(schoolClass.id(), by);
        assertThat(resumed.signed()).containsExactly(broken.getParent().getFileName().toString());
        assertThat(resumed.alreadySigned()).hasSize(transcripts - 1);
        assertThat(signing.progress(schoolClass.id()).signedByPrincipal()).isEqualTo(transcripts);
    }

    @Test
    @Order(3)
    void everyDocumentSignedInOrderIsTotalPassedAtBaselineLtaForEverySignature() throws Exception {
        signAll();

        SignatureVerifier verifier = new SignatureVerifier(SigningServices.readPemDirectory(dataDir.resolve("pki")));
        Map<String, Path> files = signing.signedFiles(schoolClass.id());
        int transcripts = signing.progress(schoolClass.id()).transcripts();
        assertThat(files).hasSize(transcripts + sheetsCount());
        for (var entry : files.entrySet()) {
            assertThat(entry.getValue().getFileName().toString()).isEqualTo(SigningStage.LONG_TERM.fileName());
            SimpleReport report = verifier.validate(Files.readAllBytes(entry.getValue()), entry.getKey()).getSimpleReport();
            assertThat(report.getSignatureIdList()).as(entry.getKey())
                    .hasSize(entry.getKey().startsWith("HB-") ? 3 : 1)
                    .allSatisfy(id -> {
                        assertThat(report.getIndication(id)).as(entry.getKey() + " " + report.getSignedBy(id))
                                .isEqualTo(Indication.TOTAL_PASSED);
                        assertThat(report.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_LTA);
                    });
        }
    }

    @Test
    @Order(4)
    void theProgressCountsEveryTranscriptAndEverySignatureIsAudited() {
        ClassSigning.Progress progress = signing.progress(schoolClass.id());
        assertThat(progress.transcripts()).isEqualTo(registry.roster(schoolClass.id()).size());
        assertThat(progress.signedByHomeroom()).isEqualTo(progress.transcripts());
        assertThat(progress.signedByPrincipal()).isEqualTo(progress.transcripts());
        assertThat(progress.sealed()).isEqualTo(progress.transcripts());
        assertThat(auditedSignatures()).isEqualTo(3L * progress.transcripts() + sheetsCount());
    }

    @Test
    @Order(5)
    void runningEveryStepAgainSignsNothingTwiceAndChangesNoSignedFile() throws Exception {
        Map<Path, String> before = signedFileHashes();
        long audited = auditedSignatures();

        signAll();

        assertThat(signedFileHashes()).isEqualTo(before);
        assertThat(auditedSignatures()).isEqualTo(audited);
    }

    @Test
    @Order(6)
    void theIssuedOriginalsAreLeftAsTheyWere() throws Exception {
        for (var d : jdbc.sql("select path, sha256 from issued_document where class_id = ?")
                .param(schoolClass.id().value()).query().listOfRows()) {
            byte[] pdf = Files.readAllBytes(dataDir.resolve("documents").resolve((String) d.get("path")));
            assertThat(Sha256.hex(pdf)).isEqualTo(((String) d.get("sha256")).trim());
        }
    }

    @Test
    @Order(7)
    void theExportPackageHoldsEverySignedPdfAndItsDataXmlWithMatchingManifestChecksums() throws Exception {
        Path zip = signing.exportPackage(schoolClass.id());

        Map<String, byte[]> entries = new HashMap<>();
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        var manifest = new com.fasterxml.jackson.databind.ObjectMapper().readTree(entries.get("manifest.json"));
        Map<String, Path> signed = signing.signedFiles(schoolClass.id());
        assertThat(manifest.path("files")).hasSize(2 * signed.size());
        assertThat(entries).hasSize(2 * signed.size() + 1);
        for (var file : manifest.path("files")) {
            assertThat(Sha256.hex(entries.get(file.path("path").asText()))).as(file.path("path").asText())
                    .isEqualTo(file.path("sha256").asText());
        }
        for (var d : signed.entrySet()) {
            assertThat(entries.get("pdf/" + d.getKey() + ".pdf")).isEqualTo(Files.readAllBytes(d.getValue()));
            String dataSha256 = jdbc.sql("select data_sha256 from issued_document where id = ?").param(d.getKey())
                    .query(String.class).single().trim();
            assertThat(Sha256.hex(entries.get("xml/" + d.getKey() + ".xml"))).as(d.getKey()).isEqualTo(dataSha256);
        }
        assertThat(signing.exportPackage(schoolClass.id())).isEqualTo(zip);
    }

    private void signAll() {
        for (TeachingAssignment assignment : oneAssignmentPerSubject()) {
            signing.signSubjectSheet(assignment.id(), by);
        }
        signing.homeroomSigns(schoolClass.id(), by);
        signing.principalSigns(schoolClass.id(), by);
        signing.applySeal(schoolClass.id(), by);
    }

    private List<TeachingAssignment> oneAssignmentPerSubject() {
        Set<Object> subjects = new HashSet<>();
        List<TeachingAssignment> result = new ArrayList<>();
        for (TeachingAssignment a : directory.teachingAssignmentsOfClass(schoolClass.id())) {
            if (subjects.add(a.subject().id())) {
                result.add(a);
            }
        }
        return result;
    }

    private int sheetsCount() {
        return directory.gradeSubjects(schoolClass.yearId(), schoolClass.grade()).size();
    }

    private long auditedSignatures() {
        return jdbc.sql("select count(*) from audit_entry where action = 'DOCUMENT_SIGNED'").query(Long.class).single();
    }

    private long signedFileCount() throws Exception {
        return signedFileHashes().size();
    }

    private Map<Path, String> signedFileHashes() throws Exception {
        Map<Path, String> hashes = new HashMap<>();
        Path root = dataDir.resolve("signed");
        if (Files.exists(root)) {
            try (var files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    hashes.put(f, Sha256.hex(Files.readAllBytes(f)));
                }
            }
        }
        return hashes;
    }
}
