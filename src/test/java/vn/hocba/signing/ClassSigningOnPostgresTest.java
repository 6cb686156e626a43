package vn.hocba.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.simplereport.SimpleReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.hocba.audit.Actor;
import vn.hocba.common.Rejected;
import vn.hocba.common.Sha256;
import vn.hocba.documents.YearCompletion;
import vn.hocba.gradebook.ClassResultsStore;
import vn.hocba.gradebook.interchange.GradebookBulkLoad;
import vn.hocba.hocbaso.RecordVerifier;
import vn.hocba.hocbaso.SignedRecords;
import vn.hocba.hocbaso.SlotFinding;
import vn.hocba.hocbaso.XmlDocuments;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.schoolyear.TeachingAssignment;
import vn.hocba.pades.SigningServices;
import vn.hocba.pades.verify.SignatureVerifier;
import vn.hocba.students.StudentRegistry;
import vn.hocba.support.ApiClient;
import vn.hocba.support.DocumentGenerations;
import vn.hocba.support.EmbeddedPostgresDatabases;
import java.util.zip.ZipInputStream;
import vn.hocba.pades.SigningException;
import vn.hocba.support.TemporaryDataDirectory;
import vn.hocba.pades.SignatureRequest;
import vn.hocba.pades.SignerRole;

/**
 * Demo class 6A1's year documents signed in the school's order on real PostgreSQL with the
 * development PKI: sheets by their teachers, transcripts by homeroom teacher, principal and seal,
 * then LT/LTA; verified by EU DSS against the development root written to the data directory.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClassSigningOnPostgresTest {

    private static Path dataDir;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws Exception {
        EmbeddedPostgresDatabases.register(registry, "class_signing");
        dataDir = TemporaryDataDirectory.register(registry, "hocba-signing-test");
    }

    @AfterAll
    static void removeFiles() throws Exception {
        TemporaryDataDirectory.delete(dataDir);
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
    @Autowired
    SigningDesk desk;
    @Autowired
    SigningServices services;
    @Autowired
    SignedRecords records;
    SchoolClass schoolClass;
    final Actor by = new Actor("hieutruong", "PRINCIPAL", "test");

    @BeforeAll
    void issueTheYearDocuments() {
        var year = directory.activeYear(directory.schools().get(0).id()).orElseThrow();
        schoolClass = directory.classByCode(year.id(), "6A1").orElseThrow();
        new YearCompletion(directory, registry, load, results).completeTermTwo(schoolClass);
        var reply = DocumentGenerations.generate(new ApiClient(mvc), "hieutruong", schoolClass.id().value(), "YEAR");
        assertThat(reply.body().path("status").asText()).as(reply.toString()).isEqualTo("COMPLETED");
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
    void coTeachersSignTheirSubjectsSheetInColumnOrderEachInABoxOfTheirOwn() throws Exception {
        List<TeachingAssignment> lsdl = directory.teachingAssignmentsOfClass(schoolClass.id()).stream()
                .filter(a -> a.subject().code().equals("LS_DL")).toList();
        assertThat(lsdl).hasSize(2);
        assertThatThrownBy(() -> signing.signSubjectSheet(lsdl.get(1).id(), by)).isInstanceOf(Rejected.class)
                .hasMessageContaining(lsdl.get(0).teacher().fullName() + " chưa ký");
        signing.signSubjectSheet(lsdl.get(0).id(), by);
        signing.signSubjectSheet(lsdl.get(1).id(), by);
        Path sheet = signedFileHashes().keySet().stream()
                .filter(f -> f.getFileName().toString().equals(SigningStage.SUBJECT_TEACHER.fileName(2))).findFirst()
                .orElseThrow();
        assertThat(sheet.getParent().getFileName().toString()).contains("-LS_DL-");
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(sheet.toFile())) {
            assertThat(pdf.getSignatureDictionaries()).extracting(d -> d.getName())
                    .containsExactly(lsdl.get(0).teacher().fullName(), lsdl.get(1).teacher().fullName());
            assertThat(pdf.getDocumentCatalog().getAcroForm().getFields()).extracting(f -> f.getFullyQualifiedName())
                    .contains("gvbm_LS_DL_1", "gvbm_LS_DL_2");
            assertThat(pdf.getSignatureFields()).filteredOn(f -> f.getSignature() != null)
                    .extracting(f -> f.getFullyQualifiedName()).containsExactly("gvbm_LS_DL_1", "gvbm_LS_DL_2");
        }
    }

    /**
     * Issue 13 item 12: kill -9 after a signed file was written and before its record and audit entry
     * were committed. Shares order 2 with the co-teacher test on purpose: it signs no subject sheet, so
     * either may run first.
     */
    @Test
    @Order(2)
    void aHomeroomBatchKilledBetweenWritingFilesAndAuditingThemAuditsEachSignatureExactlyOnceWhenResumed() throws Exception {
        ClassYearDocuments documents = desk.documents(schoolClass);
        List<String> ids = documents.homeroomSigned();
        List<String> crashed = ids.subList(0, 18);
        var teacher = directory.homeroomOf(schoolClass.id()).orElseThrow().teacher();
        // What the killed batch left: 18 signed files in the store, nothing about them in the database.
        services.batchSigner().sign(crashed, documents.store(SigningStage.HOMEROOM_TEACHER),
                SignatureRequest.inBox(SignerRole.HOMEROOM_TEACHER, java.time.Instant.now())
                        .withField(SignerRole.HOMEROOM_TEACHER.fieldName()),
                desk.person(teacher, SignerRole.HOMEROOM_TEACHER), (id, outcome, done, total) -> { });
        assertThat(crashed).allSatisfy(id -> assertThat(auditedSignaturesOf(id)).isZero());

        var resumed = signing.homeroomSigns(schoolClass.id(), by);
        signing.homeroomSigns(schoolClass.id(), by);

        assertThat(resumed.alreadySigned()).containsExactlyElementsOf(crashed);
        assertThat(resumed.signed()).hasSize(ids.size() - crashed.size());
        for (String id : ids) {
            Path file = dataDir.resolve("signed").resolve(schoolClass.code()).resolve(id)
                    .resolve(SigningStage.HOMEROOM_TEACHER.fileName());
            assertThat(auditedSignaturesOf(id)).as(id).isOne();
            assertThat(jdbc.sql("select new_value, reason from audit_entry where action = 'DOCUMENT_SIGNED' and target = ?")
                    .param("document " + id).query().singleRow())
                    .containsEntry("new_value", Sha256.hex(Files.readAllBytes(file)))
                    .containsEntry("reason", "Giáo viên chủ nhiệm " + teacher.fullName() + ", lớp " + schoolClass.code());
        }
        // The batch anchored the audit chain outside the database (issue 13 item 7): a checkpoint of the head.
        var head = jdbc.sql("select last_id, chain_id from audit_head").query().singleRow();
        assertThat(dataDir.resolve("audit-checkpoints").resolve((String) head.get("chain_id"))
                .resolve(String.format("%012d", ((Number) head.get("last_id")).longValue())).resolve("checkpoint.json")).exists();
    }

    @Test
    @Order(3)
    void aPrincipalBatchInterruptedByADocumentItCannotReadResumesWithOnlyThatDocument() throws Exception {
        for (TeachingAssignment assignment : directory.teachingAssignmentsOfClass(schoolClass.id())) {
            signing.signSubjectSheet(assignment.id(), by);
        }
        signing.homeroomSigns(schoolClass.id(), by);
        int toSign = signing.progress(schoolClass.id()).toSignByPrincipal();
        assertThat(toSign).isEqualTo(signing.progress(schoolClass.id()).transcripts() + 1);
        Path broken = signedFileHashes().keySet().stream()
                .filter(f -> f.getFileName().toString().equals(SigningStage.HOMEROOM_TEACHER.fileName()))
                .filter(f -> f.getParent().getFileName().toString().startsWith("HB-"))
                .findFirst().orElseThrow();
        byte[] good = Files.readAllBytes(broken);
        Files.write(broken, "damaged".getBytes());

        assertThatThrownBy(() -> signing.principalSigns(schoolClass.id(), by))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("Không ký được 1 văn bản của lớp 6A1");
        assertThat(signing.progress(schoolClass.id()).signedByPrincipal()).isEqualTo(toSign - 1);

        Files.write(broken, good);
        var resumed = signing.principalSigns(schoolClass.id(), by);
        assertThat(resumed.signed()).containsExactly(broken.getParent().getFileName().toString());
        assertThat(resumed.alreadySigned()).hasSize(toSign - 1);
        assertThat(signing.progress(schoolClass.id()).signedByPrincipal()).isEqualTo(toSign);
    }

    @Test
    @Order(4)
    void everyDocumentSignedInOrderIsTotalPassedAtBaselineLtaForEverySignature(CapturedOutput output) throws Exception {
        signAll();

        // the seal took the digest of #data that the principal's signature stated in each record's stored version
        // (RegionDigests); every slot of every record is valid and trusted
        var prepared = java.util.regex.Pattern.compile("prepared for (\\d+) records in \\d+ ms \\((\\d+) with the "
                + "region's digest known\\)").matcher(output.getOut());
        List<Integer> known = new java.util.ArrayList<>();
        int sealed = 0;
        while (prepared.find()) {
            known.add(Integer.parseInt(prepared.group(2)));
            sealed = Integer.parseInt(prepared.group(1));
        }
        assertThat(sealed).isGreaterThan(20);
        assertThat(known).as("the seal's step is the last").last().isEqualTo(sealed);
        RecordVerifier recordVerifier = new RecordVerifier(SigningServices.readPemDirectory(dataDir.resolve("pki")));
        List<SignedRecords.StoredRecord> latest = records.latestOfClass(schoolClass.id());
        assertThat(latest).hasSize(sealed);
        for (SignedRecords.StoredRecord record : latest) {
            List<SlotFinding> findings = recordVerifier.verify(XmlDocuments.parse(records.read(record)));
            assertThat(findings).hasSizeGreaterThan(5)
                    .allSatisfy(f -> assertThat(f.signed() && f.valid() && f.trusted()).as(f.line()).isTrue());
        }

        SignatureVerifier verifier = new SignatureVerifier(SigningServices.readPemDirectory(dataDir.resolve("pki")));
        Map<String, Path> files = signing.signedFiles(schoolClass.id());
        int transcripts = signing.progress(schoolClass.id()).transcripts();
        // transcripts, report cards, the class gradebook and the subject sheets
        assertThat(files).hasSize(2 * transcripts + 1 + sheetsCount());
        for (var entry : files.entrySet()) {
            assertThat(entry.getValue().getFileName().toString()).isEqualTo(SigningStage.LONG_TERM.fileName());
            SimpleReport report = verifier.validate(Files.readAllBytes(entry.getValue()), entry.getKey()).getSimpleReport();
            assertThat(report.getSignatureIdList()).as(entry.getKey())
                    .hasSize(expectedSignatures(entry.getKey()))
                    .allSatisfy(id -> {
                        assertThat(report.getIndication(id)).as(entry.getKey() + " " + report.getSignedBy(id))
                                .isEqualTo(Indication.TOTAL_PASSED);
                        assertThat(report.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_LTA);
                    });
        }
    }

    @Test
    @Order(5)
    void theProgressCountsEveryDocumentOfEachSignerAndEverySignatureIsAudited() {
        ClassSigning.Progress progress = signing.progress(schoolClass.id());
        int transcripts = registry.roster(schoolClass.id()).size();
        assertThat(progress.transcripts()).isEqualTo(transcripts);
        assertThat(progress.toSignByHomeroom()).isEqualTo(2 * transcripts + 1).isEqualTo(progress.signedByHomeroom());
        assertThat(progress.toSignByPrincipal()).isEqualTo(transcripts + 1).isEqualTo(progress.signedByPrincipal());
        assertThat(progress.sealed()).isEqualTo(transcripts + 1);
        assertThat(auditedSignatures()).isEqualTo((2L * transcripts + 1) + 2L * (transcripts + 1)
                + directory.teachingAssignmentsOfClass(schoolClass.id()).size());
    }

    @Test
    @Order(6)
    void runningEveryStepAgainSignsNothingTwiceAndChangesNoSignedFile() throws Exception {
        Map<Path, String> before = signedFileHashes();
        long audited = auditedSignatures();

        signAll();

        assertThat(signedFileHashes()).isEqualTo(before);
        assertThat(auditedSignatures()).isEqualTo(audited);
    }

    @Test
    @Order(7)
    void theIssuedOriginalsAreLeftAsTheyWere() throws Exception {
        for (var d : jdbc.sql("select path, sha256 from issued_document where class_id = ?")
                .param(schoolClass.id().value()).query().listOfRows()) {
            byte[] pdf = Files.readAllBytes(dataDir.resolve("documents").resolve((String) d.get("path")));
            assertThat(Sha256.hex(pdf)).isEqualTo(((String) d.get("sha256")).trim());
        }
    }

    @Test
    @Order(8)
    void theExportPackageHoldsEverySignedPdfAndItsDataXmlWithMatchingManifestChecksums() throws Exception {
        Path zip = signing.exportPackage(schoolClass.id());

        Map<String, byte[]> entries = new HashMap<>();
        try (var in = new ZipInputStream(Files.newInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        var manifest = new com.fasterxml.jackson.databind.ObjectMapper().readTree(entries.get("manifest.json"));
        Map<String, Path> signed = signing.signedFiles(schoolClass.id());
        // every signed PDF with its data XML, the class's học bạ số package (issue 17), and the manifest itself
        assertThat(manifest.path("files")).hasSize(2 * signed.size() + 1);
        assertThat(entries).hasSize(2 * signed.size() + 2)
                .containsKey("hocbaso/" + schoolClass.code() + ".hocbaso-package.zip");
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

    @Test
    @Order(9)
    void anyoneCanUploadASignedTranscriptAndReadThatEverySignatureIsValidAtBaselineLta() throws Exception {
        Map.Entry<String, Path> transcript = aSignedTranscript();
        byte[] pdf = Files.readAllBytes(transcript.getValue());

        ApiClient.Reply reply = verifyAnonymously(pdf);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.body().path("verdict").asText()).isEqualTo("VALID");
        assertThat(reply.body().path("issuedByHocBa").asBoolean()).isTrue();
        assertThat(reply.body().path("issuedAs").asText()).isEqualTo(transcript.getKey());
        assertThat(reply.body().hasNonNull("supersededBy")).isFalse();
        assertThat(reply.body().path("signatures")).hasSize(3).allSatisfy(s -> {
            assertThat(s.path("level").asText()).isEqualTo("PAdES-BASELINE-LTA");
            assertThat(s.path("indication").asText()).isEqualTo("TOTAL_PASSED");
            assertThat(s.path("intact").asBoolean()).isTrue();
            assertThat(s.path("timeStampedTime").isTextual()).isTrue();
            assertThat(s.path("issuer").asText()).isNotBlank();
        });
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            // in signing order: each signature's /Contents lies further into the file than the one before
            assertThat(reply.body().path("signatures").findValuesAsText("signer")).containsExactlyElementsOf(
                    document.getSignatureDictionaries().stream().filter(d -> d.getName() != null)
                            .sorted(java.util.Comparator.comparingInt(d -> d.getByteRange()[1]))
                            .map(d -> d.getName()).toList());
        }
    }

    @Test
    @Order(10)
    void oneFlippedByteInAnUploadedTranscriptMakesTheVerdictInvalid() throws Exception {
        Map.Entry<String, Path> transcript = aSignedTranscript();
        byte[] pdf = Files.readAllBytes(transcript.getValue());
        long originalSize = jdbc.sql("select size_bytes from issued_document where id = ?").param(transcript.getKey())
                .query(Long.class).single();
        pdf[(int) originalSize / 2] ^= 0x01; // inside the issued original, covered by every signature

        ApiClient.Reply reply = verifyAnonymously(pdf);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.body().path("verdict").asText()).isEqualTo("INVALID");
        assertThat(reply.body().path("signatures").findValuesAsText("intact")).contains("false");
    }

    @Test
    @Order(10)
    void aSignedReportCardWhoseVisibleMarkWasChangedIsNotSaidToBeIssuedByHocBa() throws Exception {
        Map.Entry<String, Path> reportCard = signing.signedFiles(schoolClass.id()).entrySet().stream()
                .filter(e -> e.getKey().startsWith("LL-")).min(Map.Entry.comparingByKey()).orElseThrow();
        byte[] signedPdf = Files.readAllBytes(reportCard.getValue());
        byte[] tampered;
        try (var document = org.apache.pdfbox.Loader.loadPDF(signedPdf)) {
            var page = document.getPage(0);
            try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(document, page,
                    org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode.APPEND, false)) {
                content.addRect(300, 400, 40, 14); // white-out a mark; the embedded data stays untouched
                content.setNonStrokingColor(java.awt.Color.WHITE);
                content.fill();
            }
            page.getCOSObject().setNeedToBeUpdated(true);
            var out = new java.io.ByteArrayOutputStream();
            document.saveIncremental(out);
            tampered = out.toByteArray();
        }
        byte[] flipped = signedPdf.clone();
        long originalSize = jdbc.sql("select size_bytes from issued_document where id = ?").param(reportCard.getKey())
                .query(Long.class).single();
        flipped[(int) originalSize / 3] ^= 0x01;

        ApiClient.Reply untouched = verifyAnonymously(signedPdf);
        ApiClient.Reply changed = verifyAnonymously(tampered);
        ApiClient.Reply flippedReply = verifyAnonymously(flipped);
        String page = mvc.perform(multipart("/xac-minh/tep").file(new org.springframework.mock.web.MockMultipartFile(
                "file", "phieu.pdf", "application/pdf", tampered)).with(csrf())).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(untouched.body().path("issuedByHocBa").asBoolean()).as(untouched.toString()).isTrue();
        assertThat(changed.body().path("issuedByHocBa").asBoolean()).as(changed.toString()).isFalse();
        assertThat(flippedReply.body().path("issuedByHocBa").asBoolean()).as(flippedReply.toString()).isFalse();
        assertThat(page).doesNotContain("là phiên bản hiện hành").contains("không phải văn bản HocBa nguyên vẹn");
    }

    @Test
    @Order(10)
    void theVerificationPageShowsTheSignedFilesHashAndTheDownloadIsTheSignedFile() throws Exception {
        Map.Entry<String, Path> transcript = aSignedTranscript();
        byte[] signedPdf = Files.readAllBytes(transcript.getValue());
        String dataSha = jdbc.sql("select data_sha256 from issued_document where id = ?").param(transcript.getKey())
                .query(String.class).single().trim();

        String page = new ApiClient(mvc).page("hieutruong", "/xac-minh/" + transcript.getKey() + "?sha256=" + dataSha);
        byte[] downloaded = new ApiClient(mvc).download("hieutruong", "/api/documents/" + transcript.getKey());

        assertThat(page).contains(Sha256.hex(signedPdf));
        assertThat(Sha256.hex(downloaded)).isEqualTo(Sha256.hex(signedPdf));
    }

    @Test
    @Order(11)
    void aFileThatIsNotAPdfOrUnreadableOrTooLargeIsRefusedWithASpecificMessage() {
        ApiClient.Reply text = verifyAnonymously("Bảng điểm lớp 6A1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.detail()).contains("không phải là tệp PDF");

        ApiClient.Reply broken = verifyAnonymously("%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage".getBytes());
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.detail()).contains("PDF bị hỏng");

        byte[] huge = new byte[DocumentVerification.MAX_BYTES + 1];
        System.arraycopy("%PDF-1.7".getBytes(), 0, huge, 0, 8);
        ApiClient.Reply tooLarge = verifyAnonymously(huge);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.detail()).contains("Tệp PDF quá lớn", "10 MB");
    }

    @Test
    @Order(13)
    void theVerificationPageShowsTheVietnameseVerdictOfAnUploadedTranscriptAndNeedsItsCsrfToken() throws Exception {
        Map.Entry<String, Path> transcript = aSignedTranscript();
        var file = new org.springframework.mock.web.MockMultipartFile("file", transcript.getKey() + ".pdf",
                "application/pdf", Files.readAllBytes(transcript.getValue()));

        String page = mvc.perform(multipart("/xac-minh/tep").file(file).with(csrf())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(page).contains("HỢP LỆ: mọi chữ ký đều hợp lệ", "PAdES-BASELINE-LTA",
                "Nội dung không thay đổi kể từ khi ký", "là phiên bản hiện hành", "/xac-minh/" + transcript.getKey());
        mvc.perform(multipart("/xac-minh/tep").file(file)).andExpect(status().isForbidden());
    }

    @Test
    @Order(14)
    void anUploadedVersionThatACorrectionSupersededPointsToTheCurrentVersion() throws Exception {
        Map.Entry<String, Path> transcript = aSignedTranscript();
        String newer = transcript.getKey().replaceFirst("-v1$", "-v2");
        // what a re-issue after a correction records (its own rendering is covered by the documents tests)
        jdbc.sql("""
                insert into issued_document (id, document_id, version, supersedes, class_id, student_id, kind, scope,
                  sha256, data_sha256, content_sha256, size_bytes, path, created_at, created_by)
                select ?, document_id, 2, id, class_id, student_id, kind, scope, repeat('0', 64), repeat('1', 64),
                  repeat('2', 64), size_bytes, path || '.v2', created_at, created_by from issued_document where id = ?""")
                .params(newer, transcript.getKey()).update();
        byte[] pdf = Files.readAllBytes(transcript.getValue());

        ApiClient.Reply reply = verifyAnonymously(pdf);
        var file = new org.springframework.mock.web.MockMultipartFile("file", "hocba.pdf", "application/pdf", pdf);
        String page = mvc.perform(multipart("/xac-minh/tep").file(file).with(csrf())).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(reply.body().path("supersededBy").asText()).isEqualTo(newer);
        assertThat(reply.body().path("verdict").asText()).as("the signatures themselves stay valid").isEqualTo("VALID");
        assertThat(page).contains("đã được thay thế bởi phiên bản", "/xac-minh/" + newer);
    }

    @Test
    @Order(15)
    void aPdfHocBaDidNotIssueIsStillCheckedAndSaidNotToBeAHocBaDocument() throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        try (var document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            document.save(out);
        }
        ApiClient.Reply reply = verifyAnonymously(out.toByteArray());
        var file = new org.springframework.mock.web.MockMultipartFile("file", "thu-moi.pdf", "application/pdf",
                out.toByteArray());
        String page = mvc.perform(multipart("/xac-minh/tep").file(file).with(csrf())).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("verdict").asText()).isEqualTo("NOT_SIGNED");
        assertThat(reply.body().path("issuedByHocBa").asBoolean()).isFalse();
        assertThat(page).contains("KHÔNG CÓ CHỮ KÝ", "không phải văn bản do HocBa phát hành");
    }

    private Map.Entry<String, Path> aSignedTranscript() {
        return signing.signedFiles(schoolClass.id()).entrySet().stream().filter(e -> e.getKey().startsWith("HB-"))
                .min(Map.Entry.comparingByKey()).orElseThrow();
    }

    @Test
    @Order(12)
    void aSignedFileWithACompressedBombAppendedIsRefusedQuicklyWithoutFillingTheMemory() throws Exception {
        byte[] signedPdf = Files.readAllBytes(aSignedTranscript().getValue());
        byte[] bomb = vn.hocba.support.PdfBombs.withFlateBombOnFirstPage(signedPdf, 1024);
        assertThat(bomb.length).as("small on the wire").isLessThan(DocumentVerification.MAX_BYTES);
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        long started = System.nanoTime();

        ApiClient.Reply reply = verifyAnonymously(bomb);

        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        long grown = (runtime.totalMemory() - runtime.freeMemory() - before) / 1024 / 1024;
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.detail()).contains("dữ liệu nén giải ra quá lớn", "128 MB");
        assertThat(seconds).as("answered within 10 s").isLessThan(10);
        assertThat(grown).as("heap growth in MB while refusing a 1 GB bomb").isLessThan(256);
    }

    private ApiClient.Reply verifyAnonymously(byte[] body) {
        return new ApiClient(mvc).send(null, post("/api/signatures/verification")
                .contentType(org.springframework.http.MediaType.APPLICATION_PDF).content(body));
    }

    private void signAll() {
        for (TeachingAssignment assignment : directory.teachingAssignmentsOfClass(schoolClass.id())) {
            signing.signSubjectSheet(assignment.id(), by);
        }
        signing.homeroomSigns(schoolClass.id(), by);
        signing.principalSigns(schoolClass.id(), by);
        signing.applySeal(schoolClass.id(), by);
    }

    /** Transcripts and the class gradebook: homeroom, principal, seal; report cards: homeroom; a sheet: its teachers. */
    private int expectedSignatures(String documentId) {
        if (documentId.startsWith("HB-") || documentId.startsWith("SO-")) {
            return 3;
        }
        if (documentId.startsWith("LL-")) {
            return 1;
        }
        String subject = documentId.replaceFirst("^KQ-.*-CN-", "").replaceFirst("-v\\d+$", "");
        return (int) directory.teachingAssignmentsOfClass(schoolClass.id()).stream()
                .filter(a -> a.subject().code().equals(subject)).count();
    }

    private int sheetsCount() {
        return directory.gradeSubjects(schoolClass.yearId(), schoolClass.grade()).size();
    }

    private long auditedSignatures() {
        return jdbc.sql("select count(*) from audit_entry where action = 'DOCUMENT_SIGNED'").query(Long.class).single();
    }

    private long auditedSignaturesOf(String documentId) {
        return jdbc.sql("select count(*) from audit_entry where action = 'DOCUMENT_SIGNED' and target = ?")
                .param("document " + documentId).query(Long.class).single();
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
