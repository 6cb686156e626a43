package vn.hocba.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.simplereport.SimpleReport;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.hocba.HocBaApplication;
import vn.hocba.audit.Actor;
import vn.hocba.common.Sha256;
import vn.hocba.documents.AssessmentScope;
import vn.hocba.documents.ClassDocuments;
import vn.hocba.documents.IssuedDocument;
import vn.hocba.documents.YearCompletion;
import vn.hocba.gradebook.ClassResultsStore;
import vn.hocba.gradebook.interchange.GradebookBulkLoad;
import vn.hocba.pades.SigningServices;
import vn.hocba.pades.verify.SignatureVerifier;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.TeachingAssignment;
import vn.hocba.storage.S3Server;
import vn.hocba.students.StudentRegistry;
import vn.hocba.support.EmbeddedPostgresDatabases;
import vn.hocba.support.TemporaryDataDirectory;

/**
 * Two application nodes (two Spring Boot applications with their own web servers, data directories and
 * process engines) on one PostgreSQL and one S3 server: documents generated through node A, subject
 * sheets signed through node B, homeroom teacher and principal through alternating nodes, the seal on
 * A, a document generated on A downloaded over HTTP from B, and the clerk's package streamed from A.
 * Every signature TOTAL_PASSED at PAdES-BASELINE-LTA (EU DSS), the manifest matches, nothing twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesSharingObjectStorageOnPostgresTest {

    private static final String BUCKET = "hocba-two-nodes";
    private S3Server s3;
    private Path pki;
    private Path dataA;
    private Path dataB;
    private ConfigurableApplicationContext a;
    private ConfigurableApplicationContext b;
    private final Actor by = new Actor("hieutruong", "PRINCIPAL", "test");

    @BeforeAll
    void startTwoNodes() throws Exception {
        s3 = S3Server.start(false);
        s3.createBucket(BUCKET);
        String url = EmbeddedPostgresDatabases.create("two_nodes");
        pki = Files.createTempDirectory("hocba-shared-dev-pki");
        dataA = Files.createTempDirectory("hocba-node-a");
        dataB = Files.createTempDirectory("hocba-node-b");
        a = node("A", url, dataA, true);
        b = node("B", url, dataB, false);
    }

    private ConfigurableApplicationContext node(String name, String url, Path dataDir, boolean demo) {
        return new SpringApplicationBuilder(HocBaApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres", "--hocba.data-dir=" + dataDir, "--hocba.demo.enabled=" + demo,
                "--hocba.storage.type=s3", "--hocba.storage.endpoint=" + s3.endpoint(), "--hocba.storage.bucket=" + BUCKET,
                "--hocba.signing.development-pki=" + pki, "--camunda.bpm.process-engine-name=node" + name,
                "--hocba.audit.checkpoints.schedule=-", "--spring.jmx.enabled=false");
    }

    @AfterAll
    void stopTwoNodes() throws Exception {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        s3.close();
        TemporaryDataDirectory.delete(dataA);
        TemporaryDataDirectory.delete(dataB);
        TemporaryDataDirectory.delete(pki);
    }

    @Test
    void aClassIsSignedThroughTwoNodesAndItsPackageHoldsEverySignedDocumentOnce() throws Exception {
        SchoolDirectory directory = a.getBean(SchoolDirectory.class);
        var year = directory.activeYear(directory.schools().get(0).id()).orElseThrow();
        SchoolClass schoolClass = directory.classByCode(year.id(), "6A1").orElseThrow();
        new YearCompletion(directory, a.getBean(StudentRegistry.class), a.getBean(GradebookBulkLoad.class),
                a.getBean(ClassResultsStore.class)).completeTermTwo(schoolClass);

        // Node A generates the year documents; node B serves one of them over HTTP (its disk has none).
        var generation = a.getBean(ClassDocuments.class).generate(schoolClass.id(), AssessmentScope.YEAR, by);
        assertThat(generation.issued()).isGreaterThan(30);
        assertThat(Files.exists(dataA.resolve("documents"))).isFalse();
        IssuedDocument transcript = generation.documents().stream().filter(d -> d.id().startsWith("HB-")).findFirst()
                .orElseThrow();
        HttpResponse<byte[]> fromB = download(b, "/api/documents/" + transcript.id());
        assertThat(fromB.statusCode()).isEqualTo(200);
        assertThat(Sha256.hex(fromB.body())).isEqualTo(transcript.sha256());

        // Subject sheets through node B, homeroom teacher through A, principal through B, seal and LTA through A.
        ClassSigning onA = a.getBean(ClassSigning.class);
        ClassSigning onB = b.getBean(ClassSigning.class);
        for (TeachingAssignment assignment : directory.teachingAssignmentsOfClass(schoolClass.id())) {
            onB.signSubjectSheet(assignment.id(), by);
        }
        onA.homeroomSigns(schoolClass.id(), by);
        onB.principalSigns(schoolClass.id(), by);
        onA.applySeal(schoolClass.id(), by);
        // Every step run again on the other node signs nothing twice.
        assertThat(onA.principalSigns(schoolClass.id(), by).signed()).isEmpty();
        assertThat(onB.homeroomSigns(schoolClass.id(), by).signed()).isEmpty();

        // The clerk's package, streamed from the bucket through node A.
        ExportPackageFile file = onA.currentExportPackage(schoolClass.id());
        Map<String, byte[]> entries = new HashMap<>();
        try (InputStream in = onA.openExportPackage(file); var zip = new ZipInputStream(in)) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        var manifest = new ObjectMapper().readTree(entries.get("manifest.json"));
        for (var listed : manifest.path("files")) {
            assertThat(Sha256.hex(entries.get(listed.path("path").asText()))).isEqualTo(listed.path("sha256").asText());
        }
        List<String> pdfs = entries.keySet().stream().filter(n -> n.startsWith("pdf/")).sorted().toList();
        int transcripts = onB.progress(schoolClass.id()).transcripts();
        int sheets = directory.gradeSubjects(schoolClass.yearId(), schoolClass.grade()).size();
        assertThat(pdfs).hasSize(2 * transcripts + 1 + sheets);
        // every PDF with its data XML, and the class's học bạ số package (issue 17)
        assertThat(manifest.path("files")).hasSize(2 * pdfs.size() + 1);
        assertThat(entries).containsKey("hocbaso/" + schoolClass.code() + ".hocbaso-package.zip");

        SignatureVerifier verifier = new SignatureVerifier(SigningServices.readPemDirectory(pki));
        for (String pdf : pdfs) {
            SimpleReport report = verifier.validate(entries.get(pdf), pdf).getSimpleReport();
            assertThat(report.getSignatureIdList()).as(pdf).isNotEmpty().allSatisfy(id -> {
                assertThat(report.getIndication(id)).as(pdf + " " + report.getSignedBy(id)).isEqualTo(Indication.TOTAL_PASSED);
                assertThat(report.getSignatureFormat(id)).as(pdf).isEqualTo(SignatureLevel.PAdES_BASELINE_LTA);
            });
        }

        JdbcClient jdbc = a.getBean(JdbcClient.class);
        assertThat(jdbc.sql("select count(*) from (select document_id, stage from document_signature group by "
                + "document_id, stage having count(*) > 1) d").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from (select document_id, version from issued_document group by "
                + "document_id, version having count(*) > 1) d").query(Long.class).single()).isZero();
        long signatures = jdbc.sql("select count(*) from document_signature where class_id = ?")
                .param(schoolClass.id().value()).query(Long.class).single();
        assertThat(a.getBean(vn.hocba.storage.ObjectStore.class).list("signed/6A1/")).hasSize((int) signatures);
        assertThat(Files.exists(dataA.resolve("signed"))).isFalse();
        assertThat(Files.exists(dataB.resolve("signed"))).isFalse();
    }

    private static HttpResponse<byte[]> download(ConfigurableApplicationContext node, String path) throws Exception {
        int port = ((WebServerApplicationContext) node).getWebServer().getPort();
        HttpClient http = HttpClient.newHttpClient();
        var token = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"hieutruong\",\"password\":\"HocBa@2025\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String bearer = new ObjectMapper().readTree(token.body()).path("token").asText();
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + bearer).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
