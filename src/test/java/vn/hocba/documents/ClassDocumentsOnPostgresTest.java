package vn.hocba.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hocba.documents.DocumentChecks.child;
import static vn.hocba.documents.DocumentChecks.documents;
import static vn.hocba.documents.DocumentChecks.expectedSummary;
import static vn.hocba.documents.DocumentChecks.ids;
import static vn.hocba.documents.DocumentChecks.parse;
import static vn.hocba.documents.DocumentChecks.printed;
import static vn.hocba.documents.DocumentChecks.summary;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vn.hocba.gradebook.ClassResultsStore;
import vn.hocba.gradebook.GradebookLocks;
import vn.hocba.gradebook.closing.SummerWork;
import vn.hocba.gradebook.closing.YearEnd;
import vn.hocba.grading.Promotion;
import vn.hocba.hocbaso.StudentIdentifiers;
import vn.hocba.schoolyear.GradeSubject;
import vn.hocba.students.EnrolledStudent;
import vn.hocba.gradebook.corrections.Corrections;
import vn.hocba.gradebook.interchange.GradebookBulkLoad;
import vn.hocba.grading.ClassResults;
import vn.hocba.grading.StudentResults;
import vn.hocba.schoolyear.SchoolClass;
import vn.hocba.schoolyear.SchoolDirectory;
import vn.hocba.students.StudentRegistry;
import vn.hocba.support.ApiClient;
import vn.hocba.support.ApiClient.Reply;
import vn.hocba.support.DocumentGenerations;
import vn.hocba.support.EmbeddedPostgresDatabases;
import vn.hocba.grading.SubjectCode;
import vn.hocba.support.TemporaryDataDirectory;

/**
 * A demo class's documents issued from the database on real PostgreSQL: class 6A1 with term II
 * completed, so that year results, levels and promotion exist. Generated once for the class.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClassDocumentsOnPostgresTest {

    private static final String TOAN_COMMENT = "Tư duy hình học tốt; cần rèn kĩ năng trình bày lời giải.";
    private static final String HOMEROOM_COMMENT = "Ngoan, lễ phép, đoàn kết với bạn bè; tích cực tham gia phong trào "
            + "của lớp. Cần mạnh dạn phát biểu ý kiến hơn.";
    private static final String HOMEROOM_TERM_COMMENT = "Học kì I: chăm chỉ, tiến bộ rõ ở môn Ngữ văn.";

    private static java.nio.file.Path dataDir;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws Exception {
        EmbeddedPostgresDatabases.register(registry, "class_documents");
        dataDir = TemporaryDataDirectory.register(registry, "hocba-documents-test");
    }

    @org.junit.jupiter.api.AfterAll
    static void removeDocuments() throws Exception {
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
    Corrections corrections;
    @Autowired
    StudentIdentifiers identifiers;
    @Autowired
    YearTranscripts yearTranscripts;
    @Autowired
    GradebookLocks locks;
    @Autowired
    YearEnd yearEnd;
    @Autowired
    SummerWork summer;
    ApiClient api;
    SchoolClass schoolClass;
    long commented;
    ClassEdits edits;
    Reply first;

    @BeforeAll
    void generateOnce() {
        api = new ApiClient(mvc);
        var year = directory.activeYear(directory.schools().get(0).id()).orElseThrow();
        schoolClass = directory.classByCode(year.id(), "6A1").orElseThrow();
        new YearCompletion(directory, registry, load, results).completeTermTwo(schoolClass);
        edits = new ClassEdits(api, jdbc, directory, corrections, schoolClass);
        commented = registry.roster(schoolClass.id()).get(0).student().id().value();
        edits.comment("gv04", "/subjects/" + edits.toan() + "/comments/CN", commented, decomposed(TOAN_COMMENT));
        edits.comment("gv01", "/homeroom-comments/CN", commented, decomposed(HOMEROOM_COMMENT));
        edits.comment("gv01", "/homeroom-comments/HK1", commented, HOMEROOM_TERM_COMMENT);
        first = DocumentGenerations.generate(api, "hieutruong", schoolClass.id().value(), "YEAR");
    }

    @Test
    @Order(4)
    void theTranscriptPrintsAndEmbedsTheSubjectTeachersAndTheHomeroomTeachersCommentsExactly() throws Exception {
        JsonNode transcript = documents(first, "TRANSCRIPT").stream()
                .filter(d -> d.path("studentId").asLong() == commented).findFirst().orElseThrow();
        byte[] pdf = download(transcript.path("id").asText());
        assertThat(RenderedSamples.text(pdf).replaceAll("\\s+", " ")).contains(TOAN_COMMENT, HOMEROOM_COMMENT);
        org.w3c.dom.Document xml = parse(RenderedSamples.embeddedXml(pdf));
        NodeList subjects = xml.getElementsByTagNameNS(DocumentKind.TRANSCRIPT.namespace(), "subject");
        Map<String, String> comments = new HashMap<>();
        for (int i = 0; i < subjects.getLength(); i++) {
            Element s = (Element) subjects.item(i);
            if (s.hasAttribute("code") && s.getElementsByTagNameNS(s.getNamespaceURI(), "comment").getLength() > 0) {
                comments.put(s.getAttribute("code"), child(s, "comment"));
            }
        }
        assertThat(comments).containsExactly(Map.entry("TOAN", TOAN_COMMENT));
        assertThat(child(xml.getDocumentElement(), "homeroomComment")).isEqualTo(HOMEROOM_COMMENT);
    }

    @Test
    @Order(1)
    void thePrincipalIssuesEveryDocumentOfTheClassOnceAndEachIsAudited() {
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.body().path("status").asText()).isEqualTo("COMPLETED");
        int students = roster();
        int subjects = directory.gradeSubjects(schoolClass.yearId(), 6).size();
        assertThat(first.body().path("documents")).hasSize(1 + subjects + 2 * students);
        assertThat(first.body().path("issued").asInt()).isEqualTo(1 + subjects + 2 * students);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'DOCUMENT_ISSUED' and actor = 'hieutruong'")
                .query(Long.class).single()).isEqualTo(1L + subjects + 2 * students);
    }

    @Test
    @Order(1)
    void aScopeThatDoesNotExistIsRefusedNamingTheOnesThatDo() {
        Reply refused = api.post("hieutruong", "/api/classes/" + schoolClass.id().value() + "/documents?scope=HK1", "");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.detail()).contains("\"HK1\"", "scope", "TERM_1, TERM_2, YEAR");
    }

    @Test
    @Order(2)
    void veraPdfFindsEachIssuedDocumentTypePdfA3bCompliant() throws Exception {
        for (String kind : List.of("CLASS_GRADEBOOK", "SUBJECT_RESULT_SHEET", "TRANSCRIPT", "REPORT_CARD")) {
            assertThat(PdfAValidation.failures(download(ids(first, kind).get(0)))).as(kind).isEmpty();
        }
    }

    @Test
    @Order(3)
    void everyTranscriptsEmbeddedXmlIsValidAndHoldsTheResultsComputedFromTheDatabase() throws Exception {
        ClassResults computed = results.compute(schoolClass);
        var schema = SchemaFactory.newDefaultInstance().newSchema(
                getClass().getClassLoader().getResource(DocumentKind.TRANSCRIPT.schemaResource()));
        Map<String, String> fromPdfs = new HashMap<>();
        for (JsonNode d : first.body().path("documents")) {
            if (d.path("kind").asText().equals("TRANSCRIPT")) {
                byte[] xml = RenderedSamples.embeddedXml(download(d.path("id").asText()));
                schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
                fromPdfs.put(d.path("studentName").asText(), summary(parse(xml)));
            }
        }
        Map<String, String> expected = new HashMap<>();
        for (StudentResults s : computed.students()) {
            assertThat(s.complete()).as(s.fullName() + " " + s.missing()).isTrue();
            expected.put(s.fullName(), expectedSummary(s));
        }
        assertThat(fromPdfs).hasSize(computed.students().size()).isEqualTo(expected);
    }

    @Test
    @Order(4)
    void transcriptTextShowsTheStudentsNameAndTheSubjectNames() {
        JsonNode transcript = documents(first, "TRANSCRIPT").get(0);
        String text = RenderedSamples.text(download(transcript.path("id").asText()));
        assertThat(text).contains(transcript.path("studentName").asText(), "Toán", "Ngữ văn", "Khoa học tự nhiên",
                "Lịch sử và Địa lí", "Giáo dục thể chất", "Trần Quốc Bảo", "Lê Văn Triển");
    }

    @Test
    @Order(5)
    void generatingAgainWithIdenticalDataIssuesNoNewVersion() {
        Reply again = generate("phohieutruong");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("issued").asInt()).isZero();
        assertThat(ids(again, null)).isEqualTo(ids(first, null));
    }

    @Test
    @Order(6)
    void aChangedMarkIssuesVersionTwoOfTheAffectedDocumentsSupersedingVersionOne() throws Exception {
        JsonNode transcript = documents(first, "TRANSCRIPT").get(0);
        edits.changeToanFinalMarkOf(transcript.path("studentId").asLong());
        Reply after = generate("gv01");
        assertThat(after.status()).as(after.toString()).isEqualTo(200);
        String v1 = transcript.path("id").asText();
        JsonNode v2 = documents(after, "TRANSCRIPT").get(0);
        assertThat(v2.path("version").asInt()).isEqualTo(2);
        assertThat(v2.path("supersedes").asText()).isEqualTo(v1);
        assertThat(ids(after, "SUBJECT_RESULT_SHEET")).anyMatch(id -> id.endsWith("-TOAN-v2"))
                .anyMatch(id -> id.endsWith("-NGU_VAN-v1"));
        assertThat(ids(after, "CLASS_GRADEBOOK")).singleElement().asString().endsWith("-v2");
        String page = page("/xac-minh/" + v1).getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("đã được thay thế bởi phiên bản", v2.path("id").asText());
    }

    @Test
    @Order(7)
    void theVerificationPageIsPublicForAKnownIdAndNotFoundForAnUnknownOne() throws Exception {
        JsonNode transcript = documents(first, "TRANSCRIPT").get(1);
        MockHttpServletResponse known = page("/xac-minh/" + transcript.path("id").asText() + "?sha256="
                + transcript.path("dataSha256").asText());
        assertThat(known.getStatus()).isEqualTo(200);
        assertThat(known.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains(
                transcript.path("id").asText(), transcript.path("studentName").asText(), "6A1", "Học bạ",
                transcript.path("sha256").asText(), "phiên bản hiện hành", "khớp với văn bản đã phát hành");
        assertThat(page("/xac-minh/HB-KHONG-CO-v1").getStatus()).isEqualTo(404);
    }

    @Test
    @Order(7)
    void guessingIdsWithoutTheQrCodesHashRevealsNoStudentNorClass() throws Exception {
        for (JsonNode document : documents(first, "TRANSCRIPT")) {
            String id = document.path("id").asText();
            for (String path : List.of("/xac-minh/" + id, "/xac-minh/" + id + "?sha256=" + "0".repeat(64))) {
                MockHttpServletResponse guessed = page(path);
                String body = guessed.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
                assertThat(guessed.getStatus()).isEqualTo(200);
                assertThat(body).as(path).doesNotContain(document.path("studentName").asText(), "6A1",
                        document.path("dataSha256").asText(), document.path("sha256").asText())
                        .contains("quét mã QR");
            }
        }
    }

    @Test
    @Order(8)
    void aSubjectTeacherCannotIssueTheClassDocumentsNorDownloadAWholeTranscript() {
        Reply refused = generate("gv04");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.detail()).contains("giáo viên chủ nhiệm lớp 6A1");
        // A transcript holds every subject's results: a subject teacher reads only their own subjects (issue 13, item 17).
        var response = send("gv04", "/api/documents/" + ids(first, "TRANSCRIPT").get(0));
        assertThat(response.getStatus()).isEqualTo(403);
    }

    @Test
    @Order(8)
    void aSubjectTeacherFollowingAGenerationRunSeesOnlyTheirOwnSubjectsSheetNotTheTranscriptsHashes() throws Exception {
        // The data hash is the key to a document's public verification page and its page picture (the report card's
        // first page holds every subject's results): the run's progress must not hand a subject teacher the hashes
        // that the document list (filtered) keeps from them.
        Reply asTeacher = api.get("gv04", first.body().path("progress").asText());
        assertThat(asTeacher.status()).as(asTeacher.toString()).isEqualTo(200);
        assertThat(asTeacher.body().path("documents").findValuesAsText("kind")).as(asTeacher.toString())
                .containsOnly("SUBJECT_RESULT_SHEET");
        assertThat(asTeacher.body().path("documents").findValuesAsText("id")).as(asTeacher.toString())
                .allMatch(id -> id.contains("-TOAN-"));
        assertThat(asTeacher.body().toString()).doesNotContain(documents(first, "TRANSCRIPT").get(0).path("dataSha256").asText());
        assertThat(asTeacher.body().path("unchanged").asInt()).isEqualTo(first.body().path("unchanged").asInt());
        Reply asHomeroom = api.get("gv01", first.body().path("progress").asText());
        assertThat(documents(asHomeroom, "TRANSCRIPT")).hasSize(documents(first, "TRANSCRIPT").size());
    }

    @Test
    @Order(9)
    void anAppliedCorrectionIsCountedOnTheTranscriptAndRecordedInTheCorrectionRecord() throws Exception {
        JsonNode transcript = documents(first, "TRANSCRIPT").get(2);
        edits.applyToanCorrection(transcript.path("studentId").asLong());
        Reply after = generate("vanthu");
        assertThat(after.status()).as(after.toString()).isEqualTo(200);
        String record = ids(after, "CORRECTION_RECORD").get(0);
        assertThat(record).isEqualTo("BB-DEMO01-2025-2026-6A1-v1");
        byte[] pdf = download(record);
        assertThat(PdfAValidation.failures(pdf)).isEmpty();
        SchemaFactory.newDefaultInstance().newSchema(getClass().getClassLoader()
                .getResource(DocumentKind.CORRECTION_RECORD.schemaResource())).newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(RenderedSamples.embeddedXml(pdf))));
        assertThat(RenderedSamples.text(pdf).replaceAll("\\s+", " ")).contains(transcript.path("studentName").asText(),
                "Toán", "ĐĐGtx 1 HK I", "Nhập nhầm điểm kiểm tra miệng", "Đề nghị: Trần Quốc Bảo",
                "Xác nhận: Phạm Thị Hồng Nhung", "Phê duyệt: Lê Văn Triển");
        String corrected = documents(after, "TRANSCRIPT").stream()
                .filter(d -> d.path("studentId").asLong() == transcript.path("studentId").asLong())
                .map(d -> d.path("id").asText()).findFirst().orElseThrow();
        assertThat(corrected).endsWith("-v2");
        assertThat(RenderedSamples.text(download(corrected)))
                .contains("Trong trang này có sửa chữa ở: 1 chỗ, thuộc môn học, hoạt động giáo dục: Toán.");
    }

    @Test
    @Order(10)
    void aGenerationThatFailsAtOneDocumentPublishesNothingAndARerunFinishesItWithoutDuplicates() throws Exception {
        long classId = schoolClass.id().value();
        int all = 1 + directory.gradeSubjects(schoolClass.yearId(), 6).size() + roster();
        // The fifth student's term I report card cannot be stored: a directory stands where its file goes.
        String code = registry.roster(schoolClass.id()).get(4).student().profile().code();
        java.nio.file.Path inTheWay = dataDir.resolve("documents").resolve("report-card")
                .resolve("LL-DEMO01-2025-2026-" + code + "-HK1-v1.pdf");
        java.nio.file.Files.createDirectories(inTheWay.resolve("blocking"));
        int failing = all - roster() + 5;

        Reply failed = DocumentGenerations.generate(api, "gv01", classId, "TERM_1");
        assertThat(failed.body().path("status").asText()).as(failed.toString()).isEqualTo("FAILED");
        assertThat(failed.body().path("total").asInt()).isEqualTo(all);
        assertThat(failed.body().path("done").asInt()).isEqualTo(failing - 1);
        assertThat(failed.body().path("error").asText()).contains("văn bản thứ " + failing + "/" + all, code,
                "chưa được phát hành", "tạo lại");
        assertThat(api.get("gv01", "/api/classes/" + classId + "/documents").body().findValuesAsText("scope"))
                .isNotEmpty().doesNotContain("TERM_1");
        assertThat(send("gv01", "/api/documents/SO-DEMO01-2025-2026-6A1-HK1-v1").getStatus()).isEqualTo(404);
        assertThat(page("/xac-minh/SO-DEMO01-2025-2026-6A1-HK1-v1").getStatus()).isEqualTo(404);

        java.nio.file.Files.delete(inTheWay.resolve("blocking"));
        java.nio.file.Files.delete(inTheWay);
        Reply resumed = DocumentGenerations.generate(api, "gv01", classId, "TERM_1");
        assertThat(resumed.body().path("status").asText()).as(resumed.toString()).isEqualTo("COMPLETED");
        assertThat(resumed.body().path("id").asLong()).isEqualTo(failed.body().path("id").asLong());
        assertThat(resumed.body().path("done").asInt()).isEqualTo(all);
        assertThat(resumed.body().path("documents")).hasSize(all);
        assertThat(jdbc.sql("select count(*) from issued_document where class_id = ? and scope = 'TERM_1'")
                .param(classId).query(Long.class).single()).isEqualTo(all);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'DOCUMENT_ISSUED' and target like '%-HK1%'")
                .query(Long.class).single()).isEqualTo(all);
    }

    @Test
    @Order(11)
    void theHomeroomTeacherIssuesTermOneReportCardsWithTheTermResultsButNoTranscripts() throws Exception {
        Reply started = api.post("gv01", "/api/classes/" + schoolClass.id().value() + "/documents?scope=TERM_1", "");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.body().path("status").asText()).isEqualTo("RUNNING");
        assertThat(started.body().path("progress").asText())
                .isEqualTo("/api/classes/" + schoolClass.id().value() + "/document-generations/" + started.body().path("id"));
        Reply term = DocumentGenerations.await(api, "gv01", started);
        assertThat(term.status()).as(term.toString()).isEqualTo(200);
        assertThat(term.body().path("status").asText()).isEqualTo("COMPLETED");
        assertThat(term.body().path("issued").asInt()).isZero();
        int subjects = directory.gradeSubjects(schoolClass.yearId(), 6).size();
        assertThat(term.body().path("documents")).hasSize(1 + subjects + roster());
        assertThat(ids(term, "TRANSCRIPT")).isEmpty();
        assertThat(ids(term, "CLASS_GRADEBOOK")).containsExactly("SO-DEMO01-2025-2026-6A1-HK1-v1");
        JsonNode card = documents(term, "REPORT_CARD").get(0);
        byte[] pdf = download(card.path("id").asText());
        org.w3c.dom.Document xml = parse(RenderedSamples.embeddedXml(pdf));
        SchemaFactory.newDefaultInstance().newSchema(getClass().getClassLoader()
                .getResource(DocumentKind.REPORT_CARD.schemaResource())).newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(RenderedSamples.embeddedXml(pdf))));
        StudentResults expected = results.compute(schoolClass).students().stream()
                .filter(s -> s.fullName().equals(card.path("studentName").asText())).findFirst().orElseThrow();
        Map<String, String> termAverages = new HashMap<>();
        NodeList rows = xml.getElementsByTagNameNS(DocumentKind.REPORT_CARD.namespace(), "subject");
        for (int i = 0; i < rows.getLength(); i++) {
            termAverages.put(child((Element) rows.item(i), "name"), child((Element) rows.item(i), "average"));
        }
        Map<String, String> computed = new HashMap<>();
        directory.gradeSubjects(schoolClass.yearId(), 6).forEach(gs -> computed.put(gs.subject().name(),
                printed(expected.subject(new SubjectCode(gs.subject().code())).hk1())));
        assertThat(termAverages).isEqualTo(computed);
        assertThat(RenderedSamples.text(pdf)).contains("Học kì I", card.path("studentName").asText(), "Toán");
        JsonNode commentedCard = documents(term, "REPORT_CARD").stream()
                .filter(d -> d.path("studentId").asLong() == commented).findFirst().orElseThrow();
        byte[] withComment = download(commentedCard.path("id").asText());
        assertThat(RenderedSamples.text(withComment).replaceAll("\\s+", " ")).contains(HOMEROOM_TERM_COMMENT);
        assertThat(child(parse(RenderedSamples.embeddedXml(withComment)).getDocumentElement(), "homeroomComment"))
                .isEqualTo(HOMEROOM_TERM_COMMENT);
    }

    @Test
    @Order(4) // before a changed mark (order 6) makes version 2 of some cards
    void theYearReportCardPrintsTheTermAndYearResultsTheRetestAndThePromotionNotTermTwoMarks() throws Exception {
        JsonNode card = documents(first, "REPORT_CARD").stream()
                .filter(d -> d.path("studentId").asLong() == commented).findFirst().orElseThrow();
        byte[] pdf = download(card.path("id").asText());
        String text = RenderedSamples.text(pdf).replaceAll("\\s+", " ");
        StudentResults expected = results.compute(schoolClass).students().stream()
                .filter(s -> s.fullName().equals(card.path("studentName").asText())).findFirst().orElseThrow();
        var toan = expected.subject(new SubjectCode("TOAN"));
        assertThat(text).contains("Cả năm", "Học kì I", "Học kì II", "Kiểm tra lại", "Được lên lớp / Ở lại lớp:",
                expected.promotion().label(), "Toán " + printed(toan.hk1()) + " " + printed(toan.hk2()) + " "
                        + printed(toan.year()));
        assertThat(text).doesNotContain("Giữa kì", "Cuối kì", "Đánh giá thường xuyên");
        org.w3c.dom.Document xml = parse(RenderedSamples.embeddedXml(pdf));
        SchemaFactory.newDefaultInstance().newSchema(getClass().getClassLoader()
                .getResource(DocumentKind.REPORT_CARD.schemaResource())).newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(RenderedSamples.embeddedXml(pdf))));
        assertThat(child(xml.getDocumentElement(), "promotion")).isEqualTo(expected.promotion().label());
        assertThat(PdfAValidation.failures(pdf)).isEmpty();
    }

    @Test
    @Order(4) // the first issued version, before a changed mark or a correction
    void theTranscriptFollowsTheThcsFormWithTheRegisterNumberThePersonalIdAndTheGradebooksResultsInTheFormsOrder() {
        JsonNode transcript = documents(first, "TRANSCRIPT").stream()
                .filter(d -> d.path("studentId").asLong() == commented).findFirst().orElseThrow();
        List<String> pages = TranscriptFormTest.pages(download(transcript.path("id").asText()));
        var student = registry.roster(schoolClass.id()).get(0).student();
        String register = identifiers.of(directory.year(schoolClass.yearId()).schoolId(), student.id()).registerNumber();
        assertThat(register).isNotBlank();
        assertThat(student.profile().nationalId()).hasSize(12);
        StudentResults expected = results.compute(schoolClass).students().stream()
                .filter(s -> s.code().value().equals(student.profile().code())).findFirst().orElseThrow();

        long school = directory.year(schoolClass.yearId()).schoolId().value();
        String commune = jdbc.sql("select commune from school where id = ?").param(school).query(String.class).single();
        assertThat(commune).as("the demo school's commune").isNotBlank();
        String homeroom = directory.homeroomOf(schoolClass.id()).orElseThrow().teacher().fullName();
        String principal = jdbc.sql("select full_name from staff where school_id = ? and position = 'PRINCIPAL'")
                .param(school).query(String.class).single();

        assertThat(pages).hasSize(4);
        assertThat(pages.get(0)).contains("HỌC BẠ", "TRUNG HỌC CƠ SỞ", "Số sổ đăng bộ PCGD: " + register + "/THCS",
                "Xã/Phường/Đặc khu: " + commune).as("2025-2026: no district on the cover").doesNotContain("Huyện/Quận");
        assertThat(pages.get(1)).contains("Mã số định danh cá nhân: " + student.profile().nationalId());
        List<String> rows = formRows(schoolClass, expected);
        assertThat(TranscriptFormTest.positions(pages.get(2), rows)).as(rows + " in " + pages.get(2))
                .isSorted().doesNotContain(-1);
        assertThat(pages.get(2)).contains("Tiếng dân tộc thiểu số Ngoại ngữ 2 Trong trang này có sửa chữa ở: 0 chỗ");
        assertThat(TranscriptFormTest.positions(pages.get(2), List.of("Trong trang này", "Xác nhận của giáo viên chủ nhiệm",
                "(Ký và ghi rõ họ tên) " + homeroom, "Xác nhận của Hiệu trưởng", "(Ký, ghi rõ họ tên và đóng dấu) " + principal))).as("confirmations under the table: " + pages.get(2))
                .isSorted().doesNotContain(-1);
        assertThat(pages.get(3)).contains(TranscriptFormTest.options(option(expected.promotion())) + " "
                + TranscriptFormTest.COMPLETION + " Chứng chỉ").doesNotContain("Hoàn thành chương trình trung học cơ sở ");
    }

    @Test
    @Order(12)
    void aGradeNineTranscriptPrintsTheCompletionOfThcsAndTheRetestedStudentsSummerBoxAndStaysPdfA() throws Exception {
        SchoolClass nine = directory.classByCode(schoolClass.yearId(), "9A1").orElseThrow();
        var failing = registry.roster(nine.id()).get(2).student();
        List<String> failed = List.of("NGU_VAN", "TOAN", "NGOAI_NGU_1", "KHTN");
        new YearCompletion(directory, registry, load, results).completeTermTwo(nine,
                (s, gs) -> s.student().id().equals(failing.id()) && failed.contains(gs.subject().code()));
        assertThat(resultOf(nine, failing.profile().code()).promotion()).isEqualTo(Promotion.RETEST_PENDING);
        new YearClosing(directory, registry, locks, yearEnd, summer, load, results).close(nine);
        Map<Long, TranscriptData> transcripts = new HashMap<>();
        yearTranscripts.ofClass(nine.id()).forEach(t -> transcripts.put(t.studentId(), t.data()));

        StudentResults retested = resultOf(nine, failing.profile().code());
        assertThat(retested.promotion()).isEqualTo(Promotion.PROMOTED_AFTER_REASSESSMENT);
        byte[] pdf = new DocumentRenderer().renderToBytes(transcripts.get(failing.id().value()));
        List<String> pages = TranscriptFormTest.pages(pdf);
        String box = pages.get(3).substring(pages.get(3).indexOf("RÈN LUYỆN, KIỂM TRA LẠI TRONG HÈ"),
                pages.get(3).indexOf(TranscriptFormTest.PROMOTED));
        for (String code : failed) {
            var subject = retested.subject(new SubjectCode(code));
            String name = TranscriptForm.ROWS.stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow().name();
            assertThat(box).contains(name + ": " + printed(subject.retest()));
            assertThat(pages.get(2)).contains(name + " " + printed(subject.hk1()) + " " + printed(subject.hk2()) + " "
                    + printed(subject.year()) + " " + printed(subject.retest()));
        }
        assertThat(box).contains("Kết quả học tập sau kiểm tra lại: " + retested.learning().afterRetest().level().label());
        assertThat(pages.get(3)).as("promoted after the retest: the second option, and grade 9 completes THCS")
                .contains(TranscriptFormTest.options(1) + " " + TranscriptFormTest.COMPLETION
                        + " Hoàn thành chương trình trung học cơ sở Chứng chỉ");
        assertThat(TranscriptFormTest.positions(pages.get(2), formRows(nine, retested))).isSorted().doesNotContain(-1);
        assertThat(PdfAValidation.failures(pdf)).as("PDF/A-3b failures").isEmpty();

        StudentResults direct = results.compute(nine).students().stream()
                .filter(s -> s.promotion() == Promotion.PROMOTED).findFirst().orElseThrow();
        long directId = registry.roster(nine.id()).stream().map(EnrolledStudent::student)
                .filter(s -> s.profile().code().equals(direct.code().value())).findFirst().orElseThrow().id().value();
        String directPage = TranscriptFormTest.pages(new DocumentRenderer().renderToBytes(transcripts.get(directId))).get(3);
        assertThat(directPage).as("an empty summer box, the first option, then the completion line").contains(
                "Kết quả rèn luyện sau rèn luyện trong hè: Môn học kiểm tra lại và kết quả: Kết quả học tập sau kiểm tra lại: "
                        + TranscriptFormTest.options(0) + " " + TranscriptFormTest.COMPLETION
                        + " Hoàn thành chương trình trung học cơ sở Chứng chỉ");
    }

    /** The form's option for the engine's decision (0 lên lớp, 1 after re-assessment, 2 not promoted; -1 pending). */
    private static int option(Promotion promotion) {
        return switch (promotion) {
            case PROMOTED -> 0;
            case PROMOTED_AFTER_REASSESSMENT -> 1;
            case RETAINED -> 2;
            case SUMMER_TRAINING_PENDING, RETEST_PENDING -> -1;
        };
    }

    /** The rows of the form in its order: a subject of the class with the engine's HK I, HK II and year results, else the form's name alone. */
    private List<String> formRows(SchoolClass c, StudentResults expected) {
        List<GradeSubject> subjects = directory.gradeSubjects(c.yearId(), c.grade());
        List<String> rows = new java.util.ArrayList<>();
        for (TranscriptForm.FormRow row : TranscriptForm.ROWS) {
            rows.add(subjects.stream().filter(g -> g.subject().code().equals(row.code())).findFirst()
                    .map(g -> expected.subject(new SubjectCode(row.code())))
                    .map(r -> row.name() + " " + printed(r.hk1()) + " " + printed(r.hk2()) + " " + printed(r.year()))
                    .orElse(row.name()));
        }
        return rows;
    }

    private StudentResults resultOf(SchoolClass c, String studentCode) {
        return results.compute(c).students().stream().filter(s -> s.code().value().equals(studentCode)).findFirst()
                .orElseThrow();
    }

    @Autowired
    vn.hocba.storage.ObjectStore objects;
    @Autowired
    ClassDocuments classDocuments;
    @Autowired
    org.springframework.context.ApplicationContext context;

    /** Issue 20: the verification page shows its holder page 1, rendered once per version and kept in the store. */
    @Test
    @Order(7)
    void theVerificationPageShowsPageOneRenderedOnceAndServedFromTheStoreAfterwards() throws Exception {
        JsonNode transcript = documents(first, "TRANSCRIPT").get(1);
        String id = transcript.path("id").asText();
        String hash = transcript.path("dataSha256").asText();
        vn.hocba.signing.VerificationPreviews previews = context.getBean(vn.hocba.signing.VerificationPreviews.class);
        assertThat(page("/xac-minh/" + id + "?sha256=" + hash).getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("/xac-minh/" + id + "/trang-1.png?sha256=" + hash);
        long before = previews.rendered();

        MockHttpServletResponse png = page("/xac-minh/" + id + "/trang-1.png?sha256=" + hash);
        assertThat(png.getStatus()).isEqualTo(200);
        assertThat(png.getContentType()).isEqualTo("image/png");
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new ByteArrayInputStream(png.getContentAsByteArray()));
        assertThat(Math.max(image.getHeight(), image.getWidth())).as("an A4 page at 60 dpi").isBetween(690, 710);
        assertThat(objects.list("cache/previews/" + id + "/")).hasSize(1);
        MockHttpServletResponse again = page("/xac-minh/" + id + "/trang-1.png?sha256=" + hash);
        assertThat(again.getContentAsByteArray()).isEqualTo(png.getContentAsByteArray());
        assertThat(previews.rendered()).as("rendered once, then served from the store").isEqualTo(before + 1);
        assertThat(page("/xac-minh/" + id + "/trang-1.png").getStatus()).as("not without the QR code's hash").isEqualTo(404);
        assertThat(page("/xac-minh/" + id + "/trang-1.png?sha256=" + "0".repeat(64)).getStatus()).isEqualTo(404);
    }

    /** Issue 20: superseded report cards lose their files after their years; nothing else ever does. */
    @Test
    @Order(12) // last: it removes files of superseded report cards
    void retentionRemovesOnlyTheFilesOfReportCardsSupersededLongerThanTheirYearsAndAuditsIt() {
        var rules = vn.hocba.signing.RetentionRules.of(
                Map.of("hocba.storage.retention.superseded.report-card", "5y")::get);
        java.util.function.Function<java.time.Clock, vn.hocba.signing.SupersededVersionRetention> retention = clock ->
                new vn.hocba.signing.SupersededVersionRetention(context.getBean(org.springframework.jdbc.core.JdbcTemplate.class),
                        objects, classDocuments, context.getBean(vn.hocba.audit.AuditLog.class),
                        context.getBean(org.springframework.transaction.PlatformTransactionManager.class), clock, rules);
        vn.hocba.audit.Actor by = vn.hocba.audit.Actor.system("retention");
        List<IssuedDocument> before = classDocuments.ofClass(schoolClass.id());
        assertThat(retention.apply(java.time.Clock.systemUTC()).apply(by)).as("superseded today: kept 5 years").isEmpty();

        java.time.Clock sixYearsOn = java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofDays(6 * 366));
        var retired = retention.apply(sixYearsOn).apply(by);

        assertThat(retired).isNotEmpty().allMatch(r -> r.kind() == DocumentKind.REPORT_CARD);
        for (IssuedDocument d : before) {
            boolean gone = retired.stream().anyMatch(r -> r.version().equals(d.id()));
            assertThat(objects.exists(classDocuments.objectKey(d))).as(d.id()).isEqualTo(!gone);
            if (gone) {
                assertThat(d.superseded()).as("only a superseded version is removed").isTrue();
            }
        }
        assertThat(before).filteredOn(d -> d.superseded() && d.kind() != DocumentKind.REPORT_CARD)
                .as("superseded transcripts, sheets and gradebooks are kept forever").isNotEmpty()
                .allMatch(d -> objects.exists(classDocuments.objectKey(d)));
        String current = before.stream().filter(d -> d.kind() == DocumentKind.REPORT_CARD && !d.superseded()
                && d.version() > 1).findFirst().orElseThrow().id();
        assertThat(send("hieutruong", "/api/documents/" + current).getStatus()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'DOCUMENT_FILES_RETIRED'").query(Long.class)
                .single()).isEqualTo(retired.size());
        assertThat(jdbc.sql("select count(*) from retired_document_version").query(Long.class).single())
                .isEqualTo(retired.size());
        assertThat(retention.apply(sixYearsOn).apply(by)).as("recorded once").isEmpty();
    }

    /** As a keyboard that composes marks separately would send it: the stored and printed text must be NFC. */
    private static String decomposed(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD);
    }

    private int roster() {
        return jdbc.sql("select count(*) from enrolment where class_id = ?").param(schoolClass.id().value())
                .query(Integer.class).single();
    }

    private Reply generate(String user) {
        return DocumentGenerations.generate(api, user, schoolClass.id().value(), "YEAR");
    }

    private byte[] download(String id) {
        return send("hieutruong", "/api/documents/" + id).getContentAsByteArray();
    }

    private MockHttpServletResponse send(String user, String path) {
        try {
            String token = api.post(null, "/api/auth/token", "{\"username\":\"" + user + "\",\"password\":\""
                    + ApiClient.DEMO_PASSWORD + "\"}").body().path("token").asText();
            return mvc.perform(MockMvcRequestBuilders.get(path).header("Authorization", "Bearer " + token))
                    .andReturn().getResponse();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private MockHttpServletResponse page(String path) {
        try {
            return mvc.perform(MockMvcRequestBuilders.get(path)).andReturn().getResponse();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
