package vn.hocba.gradebook.comments;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import vn.hocba.common.Sha256;
import vn.hocba.support.ApiClient;
import vn.hocba.support.ApiClient.Reply;
import vn.hocba.support.EmbeddedPostgresDatabases;
import vn.hocba.gradebook.GradebookFixture;
/**
 * Comments (nhận xét) in the class gradebook JSON: export, the snapshot taken at a lock, and import,
 * through the API on real PostgreSQL with the demo school. Each test works on its own class.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GradebookCommentsJsonOnPostgresTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabases.register(registry, "gradebook_comments_json");
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    ApiClient api;
    GradebookFixture school;

    @BeforeAll
    void client() {
        api = new ApiClient(mvc);
        school = new GradebookFixture(api, jdbc);
    }

    @Test
    void theExportCarriesTheCommentsWrittenThroughTheApiInNfcAndOnlyTheWrittenOnes() {
        long classId = classId("6A1");
        ObjectNode before = exported(classId);
        String code = studentCode(before, 0);
        String typed = Normalizer.normalize("Tiến bộ rõ ở phần số học; cần trình bày cẩn thận hơn.", Normalizer.Form.NFD);
        writeSubject(classId, "TOAN", "HK1", code, typed);
        writeHomeroom(classId, "CN", code, "Ngoan, lễ phép; là lớp trưởng gương mẫu.");

        ObjectNode book = exported(classId);

        JsonNode comments = book.path("students").get(0).path("comments");
        assertThat(comments.path("subjects").path("TOAN").path("HK1").asText())
                .isEqualTo(Normalizer.normalize(typed, Normalizer.Form.NFC)).isNotEqualTo(typed);
        assertThat(comments.path("subjects").path("TOAN").has("HK2")).as("no comment written, none exported").isFalse();
        assertThat(comments.path("subjects").size()).isEqualTo(1);
        assertThat(comments.path("homeroom").path("CN").asText()).isEqualTo("Ngoan, lễ phép; là lớp trưởng gương mẫu.");
        assertThat(book.path("students").get(1).has("comments")).isFalse();
    }

    @Test
    void theSnapshotTakenAtALockCarriesTheCommentsAndItsHashStillVerifies() {
        long classId = classId("6A2");
        String code = studentCode(exported(classId), 2);
        writeSubject(classId, "NGU_VAN", "HK1", code, "Đọc diễn cảm, viết đoạn văn mạch lạc.");
        writeHomeroom(classId, "HK1", code, "Chăm chỉ, hòa đồng với các bạn.");
        Reply lock = api.post("hieutruong", "/api/locks", "{\"term\":1,\"classId\":" + classId + ",\"reason\":\"Chốt học kì I\"}");
        assertThat(lock.status()).as(lock.toString()).isEqualTo(201);
        JsonNode snapshot = api.get("hieutruong", "/api/classes/" + classId + "/snapshots").body().get(0);
        String base = "/api/classes/" + classId + "/snapshots/" + snapshot.path("id").asLong();

        String document = new String(api.download("hieutruong", base + "/GRADEBOOK"), StandardCharsets.UTF_8);

        JsonNode comments = student(read(document), code).path("comments");
        assertThat(comments.path("subjects").path("NGU_VAN").path("HK1").asText()).isEqualTo("Đọc diễn cảm, viết đoạn văn mạch lạc.");
        assertThat(comments.path("homeroom").path("HK1").asText()).isEqualTo("Chăm chỉ, hòa đồng với các bạn.");
        assertThat(Sha256.hex(document)).isEqualTo(snapshot.path("gradebookSha256").asText());
        assertThat(api.get("hieutruong", base + "/verification").body().path("intact").asBoolean()).isTrue();
        assertThat(new String(api.download("hieutruong", "/api/classes/" + classId + "/gradebook"), StandardCharsets.UTF_8))
                .as("nothing changed since the lock: the export is the snapshot, byte for byte").isEqualTo(document);
    }

    @Test
    void anImportOfAnExportWithOneCommentChangedChangesExactlyThatCommentAuditedWithOldAndNewText() {
        long classId = classId("8A1");
        String code = studentCode(exported(classId), 1);
        writeSubject(classId, "KHTN", "HK2", code, "Làm thí nghiệm cẩn thận.");
        writeSubject(classId, "KHTN", "CN", code, "Nắm vững kiến thức cơ bản.");
        writeHomeroom(classId, "HK2", code, "Tích cực phát biểu.");
        ObjectNode book = exported(classId);
        subjectComments(book, code, "KHTN").put("HK2", "  Làm thí nghiệm cẩn thận, ghi chép đầy đủ. ");
        long[] before = school.counts();

        Reply imported = importInto(classId, book);

        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.body().path("commentsChanged").asInt()).isEqualTo(1);
        assertThat(imported.body().path("changed").asInt()).isZero();
        assertThat(school.counts()).containsExactly(before[0], before[1] + 1);
        List<Map<String, Object>> audit = jdbc.sql("select action, target, old_value, new_value from audit_entry "
                + "where related_request = ? and actor = 'phohieutruong'")
                .param("import " + imported.body().path("importId").asText()).query().listOfRows();
        assertThat(audit).containsExactly(Map.of("action", "SUBJECT_COMMENT_CHANGED", "target",
                "subject-comment 8A1/KHTN/" + code + "/HK2", "old_value", "Làm thí nghiệm cẩn thận.", "new_value",
                "Làm thí nghiệm cẩn thận, ghi chép đầy đủ."));
        assertThat(storedSubject(classId, code, "KHTN", 2)).isEqualTo("Làm thí nghiệm cẩn thận, ghi chép đầy đủ.");
        assertThat(storedSubject(classId, code, "KHTN", 0)).isEqualTo("Nắm vững kiến thức cơ bản.");

        Reply again = importInto(classId, book);
        assertThat(again.body().path("commentsChanged").asInt()).isZero();
        assertThat(school.counts()).containsExactly(before[0], before[1] + 1);
    }

    @Test
    void aDocumentWithoutCommentsLeavesThemAndAnExplicitNullClearsOnlyItsOwn() {
        long classId = classId("8A2");
        String code = studentCode(exported(classId), 0);
        writeSubject(classId, "TIN_HOC", "HK1", code, "Soạn thảo văn bản thành thạo.");
        writeHomeroom(classId, "HK1", code, "Đi học đúng giờ.");
        ObjectNode book = exported(classId);
        ObjectNode withoutComments = book.deepCopy();
        withoutComments.path("students").forEach(s -> ((ObjectNode) s).remove("comments"));

        Reply old = importInto(classId, withoutComments);
        assertThat(old.status()).as(old.toString()).isEqualTo(200);
        assertThat(old.body().path("commentsChanged").asInt()).isZero();
        assertThat(storedSubject(classId, code, "TIN_HOC", 1)).isEqualTo("Soạn thảo văn bản thành thạo.");

        ((ObjectNode) student(book, code).path("comments").path("homeroom")).putNull("HK1");
        Reply cleared = importInto(classId, book);
        assertThat(cleared.body().path("commentsChanged").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from homeroom_comment where class_id = ?").param(classId).query(Long.class).single())
                .isZero();
        assertThat(storedSubject(classId, code, "TIN_HOC", 1)).isEqualTo("Soạn thảo văn bản thành thạo.");
    }

    @Test
    void aChangedCommentOfALockedSubjectTermRefusesTheWholeImportWith423AndWritesNothing() {
        long classId = classId("9A1");
        String code = studentCode(exported(classId), 3);
        writeSubject(classId, "GDCD", "CN", code, "Hiểu bài, vận dụng tốt.");
        long gdcd = jdbc.sql("select id from subject where code = 'GDCD'").query(Long.class).single();
        Reply lock = api.post("hieutruong", "/api/locks", "{\"term\":2,\"classId\":" + classId + ",\"subjectId\":" + gdcd
                + ",\"reason\":\"Chốt điểm GDCD học kì II\"}");
        assertThat(lock.status()).as(lock.toString()).isEqualTo(201);
        ObjectNode book = exported(classId);
        assertThat(importInto(classId, book).status()).as("an unchanged comment of a locked subject is no change").isEqualTo(200);
        ((ObjectNode) student(book, code).path("marks").path("TOAN").path("HK1")).put("final", new BigDecimal("9.5"));
        subjectComments(book, code, "GDCD").put("CN", "Hiểu bài, vận dụng rất tốt.");
        long[] before = school.counts();

        Reply refused = importInto(classId, book);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(423);
        assertThat(refused.detail()).contains("Nhận xét môn Giáo dục công dân lớp 9A1", "học kì II", "đã khoá", "Lê Văn Triển");
        assertThat(school.counts()).as("neither the mark nor the comment is written").containsExactly(before);
        assertThat(storedSubject(classId, code, "GDCD", 0)).isEqualTo("Hiểu bài, vận dụng tốt.");
    }

    @Test
    void aSubjectCommentOfOneHundredFiftyOneCharactersRefusesTheWholeImportNamingStudentSubjectAndPeriod() {
        long classId = classId("7A1");
        ObjectNode book = exported(classId);
        String code = studentCode(book, 4);
        String name = student(book, code).path("fullName").asText();
        String tooLong = "Chăm học, ".repeat(16).substring(0, 151);
        ((ObjectNode) student(book, code).path("marks").path("TOAN").path("HK2")).put("midterm", new BigDecimal("7.5"));
        ((ObjectNode) student(book, code)).putObject("comments").putObject("subjects").putObject("TOAN").put("HK2", tooLong);
        long[] before = school.counts();
        long comments = commentCount();

        Reply refused = importInto(classId, book);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.detail()).contains("Nhận xét môn Toán", name + " (" + code + ")", "học kì II", "dài 151 ký tự",
                "giới hạn 150 ký tự");
        assertThat(school.counts()).containsExactly(before);
        assertThat(commentCount()).isEqualTo(comments);
        subjectComments(book, code, "TOAN").put("HK2", tooLong.substring(0, 150));
        assertThat(importInto(classId, book).body().path("commentsChanged").asInt()).isEqualTo(1);
    }

    @Test
    void malformedCommentsOrCommentsOfAnUnknownSubjectAreListedAndNothingIsImported() {
        long classId = classId("7A2");
        ObjectNode book = exported(classId);
        String first = studentCode(book, 0);
        String second = studentCode(book, 1);
        ((ObjectNode) student(book, first)).putObject("comments").putObject("homeroom").put("HK3", "Tốt");
        ((ObjectNode) student(book, second)).putObject("comments").put("homeRoom", "Tốt").putObject("subjects")
                .putObject("TOAN").put("HK1", 9);
        long[] before = school.counts();

        Reply refused = importInto(classId, book);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.detail()).contains("học sinh " + first + ", trường \"comments.homeroom.HK3\" không phải một kì",
                "học sinh " + second + ", trường \"comments.homeRoom\" không có trong định dạng",
                "trường \"comments.subjects.TOAN.HK1\" phải là chuỗi ký tự");
        ObjectNode unknownSubject = exported(classId);
        ((ObjectNode) student(unknownSubject, first)).putObject("comments").putObject("subjects").putObject("TIENG_PHAP")
                .put("HK1", "Phát âm chuẩn.");
        Reply unknown = importInto(classId, unknownSubject);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.detail()).contains("mã môn không có trong chương trình khối 7: TIENG_PHAP");
        assertThat(school.counts()).containsExactly(before);
    }

    private void writeSubject(long classId, String subject, String period, String code, String text) {
        String teacher = jdbc.sql("select a.username from teaching_assignment t join account a on a.staff_id = t.staff_id "
                + "join subject s on s.id = t.subject_id where t.class_id = ? and s.code = ? order by t.id limit 1")
                .params(classId, subject).query(String.class).single();
        long subjectId = jdbc.sql("select id from subject where code = ?").param(subject).query(Long.class).single();
        save(teacher, "/api/classes/" + classId + "/subjects/" + subjectId + "/comments/" + period, code, text);
    }

    private void writeHomeroom(long classId, String period, String code, String text) {
        String teacher = jdbc.sql("select a.username from homeroom_assignment h join account a on a.staff_id = h.staff_id "
                + "where h.class_id = ?").param(classId).query(String.class).single();
        save(teacher, "/api/classes/" + classId + "/homeroom-comments/" + period, code, text);
    }

    private void save(String user, String path, String code, String text) {
        long student = jdbc.sql("select id from student where code = ?").param(code).query(Long.class).single();
        try {
            String body = JSON.writeValueAsString(Map.of("changes", List.of(Map.of("studentId", student, "text", text))));
            Reply saved = api.send(user, MockMvcRequestBuilders.put(path).contentType(MediaType.APPLICATION_JSON).content(body));
            assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private long classId(String code) {
        return jdbc.sql("select id from school_class where code = ?").param(code).query(Long.class).single();
    }

    private ObjectNode exported(long classId) {
        return (ObjectNode) read(new String(api.download("hieutruong", "/api/classes/" + classId + "/gradebook"),
                StandardCharsets.UTF_8));
    }

    private Reply importInto(long classId, ObjectNode book) {
        return api.post("phohieutruong", "/api/classes/" + classId + "/gradebook", book.toString());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String studentCode(JsonNode book, int index) {
        return book.path("students").get(index).path("code").asText();
    }

    private static JsonNode student(JsonNode book, String code) {
        for (JsonNode s : book.path("students")) {
            if (s.path("code").asText().equals(code)) {
                return s;
            }
        }
        throw new AssertionError("no student " + code);
    }

    private static ObjectNode subjectComments(JsonNode book, String code, String subject) {
        return (ObjectNode) student(book, code).path("comments").path("subjects").path(subject);
    }

    private String storedSubject(long classId, String code, String subject, int term) {
        return jdbc.sql("select c.body from subject_comment c join student s on s.id = c.student_id join subject j "
                + "on j.id = c.subject_id where c.class_id = ? and s.code = ? and j.code = ? and c.term = ?")
                .params(classId, code, subject, term).query(String.class).optional().orElse(null);
    }

    private long commentCount() {
        return jdbc.sql("select (select count(*) from subject_comment) + (select count(*) from homeroom_comment)")
                .query(Long.class).single();
    }
}
