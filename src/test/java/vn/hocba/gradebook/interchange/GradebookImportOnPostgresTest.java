package vn.hocba.gradebook.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.hocba.support.ApiClient;
import vn.hocba.support.ApiClient.Reply;
import vn.hocba.support.EmbeddedPostgresDatabases;
import vn.hocba.gradebook.GradebookFixture;
/** Importing a class gradebook (hocba.class-gradebook/1) through the API, on real PostgreSQL with the demo school. */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GradebookImportOnPostgresTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabases.register(registry, "gradebook_import");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    ApiClient api;
    GradebookFixture school;
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void client() {
        api = new ApiClient(mvc);
        school = new GradebookFixture(api, jdbc);
    }

    @Test
    void importingAnExportedGradebookChangesNothing() {
        long classId = classId("8A1");
        long[] before = school.counts();
        Reply imported = importInto("phohieutruong", classId, exported(classId).toString());
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.body().path("changed").asInt()).isZero();
        assertThat(school.counts()).containsExactly(before);
    }

    @Test
    void anImportWritesOnlyTheChangedMarksEachAuditedAsPartOfTheImport() {
        long classId = classId("8A2");
        ObjectNode book = exported(classId);
        ObjectNode toan = (ObjectNode) book.path("students").get(0).path("marks").path("TOAN").path("HK2");
        String code = book.path("students").get(0).path("code").asText();
        BigDecimal tx2 = toan.path("regular").get(1).decimalValue();
        BigDecimal otherTx2 = tx2.intValue() == 9 ? new BigDecimal("8") : new BigDecimal("9");
        ((com.fasterxml.jackson.databind.node.ArrayNode) toan.path("regular")).set(1, otherTx2);
        toan.put("final", new BigDecimal("6.5"));
        long[] before = school.counts();

        Reply imported = importInto("hieutruong", classId, book.toString());

        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.body().path("changed").asInt()).isEqualTo(2);
        assertThat(school.counts()).containsExactly(before[0] + 1, before[1] + 2);
        String related = "import " + imported.body().path("importId").asText();
        assertThat(jdbc.sql("select target from audit_entry where related_request = ? and actor = 'hieutruong' order by id")
                .param(related).query(String.class).list())
                .containsExactly("mark 8A2/TOAN/" + code + "/HK2/REGULAR#2", "mark 8A2/TOAN/" + code + "/HK2/FINAL#1");
        assertThat(storedScore(classId, code, "REGULAR", 2)).isEqualByComparingTo(otherTx2);
        assertThat(storedScore(classId, code, "FINAL", 1)).isEqualByComparingTo("6.5");

        Reply again = importInto("hieutruong", classId, book.toString());
        assertThat(again.body().path("changed").asInt()).isZero();
        assertThat(school.counts()).containsExactly(before[0] + 1, before[1] + 2);
    }

    @Test
    void anImportTouchingALockedSubjectIsRefusedWholeNamingTheLock() {
        long classId = classId("9A1");
        long nguVan = jdbc.sql("select id from subject where code = 'NGU_VAN'").query(Long.class).single();
        Reply lock = api.post("hieutruong", "/api/locks", "{\"term\":1,\"classId\":" + classId + ",\"subjectId\":" + nguVan
                + ",\"reason\":\"Chốt điểm Ngữ văn\"}");
        assertThat(lock.status()).as(lock.toString()).isEqualTo(201);
        ObjectNode book = exported(classId);
        ObjectNode marks = (ObjectNode) book.path("students").get(0).path("marks");
        ((ObjectNode) marks.path("TOAN").path("HK2")).put("final", new BigDecimal("9.5"));
        ((ObjectNode) marks.path("NGU_VAN").path("HK1")).put("final", new BigDecimal("0.5"));
        long[] before = school.counts();

        Reply refused = importInto("phohieutruong", classId, book.toString());

        assertThat(refused.status()).isEqualTo(423);
        assertThat(refused.detail()).contains("Ngữ văn").contains("đã khoá").contains("Lê Văn Triển");
        assertThat(school.counts()).containsExactly(before);
        assertThat(storedScore(classId, book.path("students").get(0).path("code").asText(), "FINAL", 1, "TOAN", 2)).isNull();
    }

    @Test
    void aGradebookOfAnotherSchoolOrYearIsRefusedNamingEachMismatch() {
        long classId = classId("8A1");
        ObjectNode book = exported(classId);
        ObjectNode toan = (ObjectNode) book.path("students").get(0).path("marks").path("TOAN").path("HK2");
        toan.put("final", new BigDecimal("1.5"));
        ((ObjectNode) book.path("school")).put("code", "KHAC01").put("name", "Trường THCS Khác");
        book.put("schoolYear", "2019-2020");
        long[] before = school.counts();

        Reply refused = importInto("hieutruong", classId, book.toString());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.detail()).contains("KHAC01").contains("DEMO01").contains("2019-2020").contains("2025-2026")
                .contains("không có gì được nhập");
        assertThat(school.counts()).containsExactly(before);

        ObjectNode otherYearOnly = exported(classId);
        otherYearOnly.put("schoolYear", "2024-2025");
        ((ObjectNode) otherYearOnly.path("class")).put("grade", 7);
        Reply year = importInto("hieutruong", classId, otherYearOnly.toString());
        assertThat(year.status()).as(year.toString()).isEqualTo(400);
        assertThat(year.detail()).contains("2024-2025").contains("2025-2026").contains("khối 7").contains("khối 8")
                .doesNotContain("DEMO01");
        assertThat(school.counts()).containsExactly(before);
    }

    @Test
    void anOversizedOrDeeplyNestedDocumentIsRefusedBeforeItIsRead() {
        long classId = classId("8A1");
        long[] before = school.counts();
        ObjectNode book = exported(classId);
        book.put("ghiChu", "x".repeat(5 * 1024 * 1024));
        Reply large = importInto("hieutruong", classId, book.toString());
        assertThat(large.status()).as(large.toString().substring(0, Math.min(400, large.toString().length()))).isIn(400, 413);
        assertThat(large.detail()).contains("MB").contains("quá");

        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        Reply nested = importInto("hieutruong", classId, deep);
        assertThat(nested.status()).as(nested.toString()).isEqualTo(400);
        assertThat(nested.detail()).contains("lồng").doesNotContain("StreamReadConstraints").doesNotContain("`");
        assertThat(school.counts()).containsExactly(before);
    }

    @Test
    void unknownStudentsAndSubjectsAreListedAndNothingIsImported() {
        long classId = classId("7A2");
        ObjectNode book = exported(classId);
        ObjectNode stranger = ((ObjectNode) book.path("students").get(0)).deepCopy();
        stranger.put("code", "HS_LA_1");
        ((com.fasterxml.jackson.databind.node.ArrayNode) book.path("students")).add(stranger);
        ((com.fasterxml.jackson.databind.node.ArrayNode) book.path("subjects")).addObject().put("code", "TIENG_PHAP")
                .put("name", "Tiếng Pháp").put("assessment", "SCORE").put("periodsPerYear", 105);
        long[] before = school.counts();

        Reply refused = importInto("hieutruong", classId, book.toString());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.detail()).contains("HS_LA_1").contains("TIENG_PHAP");
        assertThat(school.counts()).containsExactly(before);
    }

    @Test
    void badDocumentsAndOtherRolesAreRefusedAndWriteNothing() {
        long classId = classId("7A2");
        ObjectNode book = exported(classId);
        ObjectNode precision = book.deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) precision.path("students").get(0).path("marks").path("TOAN").path("HK1")
                .path("regular")).set(0, new BigDecimal("7.5"));
        ObjectNode otherClass = book.deepCopy();
        ((ObjectNode) otherClass.path("class")).put("code", "6A1");
        long[] before = school.counts();
        Object[][] cases = {
            {"hieutruong", "{\"format\": ", 400, "JSON không hợp lệ"},
            {"hieutruong", "{\"format\":\"hocba.class-gradebook/1\"}", 400, "không hợp lệ"},
            {"hieutruong", precision.toString(), 400, "số nguyên"},
            {"hieutruong", otherClass.toString(), 400, "lớp 6A1, không phải lớp 7A2"},
            {"quantri", book.toString(), 403, "Hiệu trưởng hoặc Phó hiệu trưởng"},
            {"gv13", book.toString(), 403, "Hiệu trưởng hoặc Phó hiệu trưởng"},
        };
        for (Object[] c : cases) {
            Reply reply = importInto((String) c[0], classId, (String) c[1]);
            assertThat(reply.status()).as(c[3] + ": " + reply).isEqualTo(c[2]);
            assertThat(reply.detail()).contains((String) c[3]);
        }
        assertThat(school.counts()).containsExactly(before);
    }

    private long classId(String code) {
        return jdbc.sql("select id from school_class where code = ?").param(code).query(Long.class).single();
    }

    private ObjectNode exported(long classId) {
        return (ObjectNode) api.get("hieutruong", "/api/classes/" + classId + "/gradebook").body();
    }

    private Reply importInto(String user, long classId, String body) {
        return api.post(user, "/api/classes/" + classId + "/gradebook", body);
    }

    private BigDecimal storedScore(long classId, String student, String kind, int column) {
        return storedScore(classId, student, kind, column, "TOAN", 2);
    }

    private BigDecimal storedScore(long classId, String student, String kind, int column, String subject, int term) {
        return jdbc.sql("select m.score from mark m join student s on s.id = m.student_id join subject j on j.id = m.subject_id "
                + "where m.class_id = ? and s.code = ? and j.code = ? and m.term = ? and m.kind = ? and m.column_no = ?")
                .params(classId, student, subject, term, kind, column).query(BigDecimal.class).optional().orElse(null);
    }
}
