package vn.hocba.gradebook.comments;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import vn.hocba.support.ApiClient;
import vn.hocba.support.ApiClient.Reply;
import vn.hocba.support.EmbeddedPostgresDatabases;
import vn.hocba.gradebook.GradebookFixture;
import java.util.stream.StreamSupport;

/** Subject and homeroom comments, and monthly attendance confirmation, through the API on real PostgreSQL. */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StudentCommentsOnPostgresTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabases.register(registry, "student_comments");
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    ApiClient api;
    GradebookFixture fixture;

    @BeforeAll
    void client() {
        api = new ApiClient(mvc);
        fixture = new GradebookFixture(api, jdbc);
    }

    @Test
    void aSubjectTeacherWritesAYearCommentStoredInNfcAndEachChangeIsAuditedWithOldAndNewText() {
        var toan = fixture.assignment("gv04", "TOAN");
        long student = student(toan.classId(), 0);
        String typed = Normalizer.normalize("Tiến bộ rõ rệt ở phần hình học; cần cẩn thận khi tính toán.", Normalizer.Form.NFD);
        Reply first = save("gv04", subjectPath(toan, "CN"), change(student, "  " + typed + " ", null));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        String nfc = Normalizer.normalize(typed, Normalizer.Form.NFC);
        assertThat(stored(first, student).path("text").asText()).isEqualTo(nfc);
        int version = stored(first, student).path("version").asInt();
        Reply second = save("gv04", subjectPath(toan, "CN"), change(student, "Tiến bộ vượt bậc.", version));
        assertThat(second.body().path("changed").asInt()).isEqualTo(1);
        Reply cleared = save("gv04", subjectPath(toan, "CN"), change(student, " ", version + 1));
        assertThat(cleared.body().path("comments").findValues("studentId")).noneMatch(id -> id.asLong() == student);
        List<Map<String, Object>> audit = jdbc.sql("select action, old_value, new_value from audit_entry where target like "
                + "'subject-comment %/TOAN/%/CN' and actor = 'gv04' order by id").query().listOfRows();
        assertThat(audit).extracting(r -> r.get("action")).containsExactly("SUBJECT_COMMENT_WRITTEN",
                "SUBJECT_COMMENT_CHANGED", "SUBJECT_COMMENT_CLEARED");
        assertThat(audit.get(1)).containsEntry("old_value", nfc).containsEntry("new_value", "Tiến bộ vượt bậc.");
        assertThat(audit.get(2)).containsEntry("old_value", "Tiến bộ vượt bậc.").containsEntry("new_value", null);
    }

    @Test
    void onlyTheSubjectsTeachersMayWriteItsCommentsAndCoTeachersShareThem() {
        var history = fixture.assignment("gv10", "LS_DL");
        long student = student(history.classId(), 1);
        Reply stranger = save("gv04", subjectPath(history, "HK1"), change(student, "Tốt", null));
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.detail()).contains("không được phân công dạy môn này");
        Reply historian = save("gv10", subjectPath(history, "HK1"), change(student, "Nhớ tốt các sự kiện lịch sử.", null));
        assertThat(historian.status()).isEqualTo(200);
        int version = stored(historian, student).path("version").asInt();
        Reply geographer = save("gv12", subjectPath(history, "HK1"),
                change(student, "Nhớ tốt các sự kiện lịch sử; đọc bản đồ còn chậm.", version));
        assertThat(geographer.status()).as(geographer.toString()).isEqualTo(200);
        assertThat(stored(geographer, student).path("updatedBy").asText()).isEqualTo("gv12");
    }

    @Test
    void aCommentChangedMeanwhileRefusesTheStaleSaveWithTheCurrentText() {
        var khtn = fixture.assignment("gv13", "KHTN");
        long student = student(khtn.classId(), 2);
        Reply first = save("gv13", subjectPath(khtn, "HK2"), change(student, "Làm thí nghiệm cẩn thận.", null));
        assertThat(first.status()).isEqualTo(200);
        Reply stale = save("gv13", subjectPath(khtn, "HK2"), change(student, "Khác", null));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.detail()).contains("Làm thí nghiệm cẩn thận.").contains("Khoa học tự nhiên");
    }

    @Test
    void aTooLongCommentOrAStudentOfAnotherClassRefusesTheWholeSaveWithTheReason() {
        var nguVan = fixture.assignment("gv01", "NGU_VAN");
        long student = student(nguVan.classId(), 3);
        long[] before = fixture.counts();
        long comments = commentCount();
        Reply tooLong = save("gv01", subjectPath(nguVan, "HK1"), change(student(nguVan.classId(), 4), "Chăm chỉ.", null),
                change(student, "Đọc diễn cảm. ".repeat(30), null));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.detail()).contains("dài 419 ký tự", "giới hạn 150 ký tự", "môn Ngữ văn", "học kì I");
        Reply stranger = save("gv01", subjectPath(nguVan, "HK1"), change(999_999, "Chăm chỉ.", null));
        assertThat(stranger.status()).isEqualTo(400);
        assertThat(stranger.detail()).contains("không có tên trong lớp");
        assertThat(fixture.counts()).isEqualTo(before);
        assertThat(commentCount()).isEqualTo(comments);
    }

    @Test
    void aLockedSubjectTermRefusesItsCommentsWith423AndTheYearCommentIsClosedWithTermTwo() {
        var tin = fixture.assignment("gv17", "TIN_HOC");
        long student = student(tin.classId(), 5);
        Reply lock = api.post("hieutruong", "/api/locks", "{\"term\":2,\"classId\":" + tin.classId() + ",\"subjectId\":"
                + tin.subjectId() + ",\"reason\":\"Chốt điểm học kì II\"}");
        assertThat(lock.status()).as(lock.toString()).isEqualTo(201);
        for (String period : List.of("HK2", "CN")) {
            Reply refused = save("gv17", subjectPath(tin, period), change(student, "Thành thạo soạn thảo văn bản.", null));
            assertThat(refused.status()).as(period).isEqualTo(423);
            assertThat(refused.detail()).contains("Nhận xét môn Tin học", "đã khoá từ", "Lê Văn Triển", "mở khoá sổ");
        }
        assertThat(save("gv17", subjectPath(tin, "HK1"), change(student, "Thành thạo soạn thảo văn bản.", null)).status())
                .isEqualTo(200);
        api.post("hieutruong", "/api/locks/" + lock.body().path("id").asLong() + "/unlock", "{\"reason\":\"Xong kiểm tra\"}");
        assertThat(save("gv17", subjectPath(tin, "CN"), change(student, "Thành thạo soạn thảo văn bản.", null)).status())
                .isEqualTo(200);
    }

    @Test
    void theHomeroomTeacherWritesTheClassCommentsOthersCannotAndAClassLockRefusesThem() {
        long classId = homeroomClass("gv07");
        long student = student(classId, 0);
        String path = "/api/classes/" + classId + "/homeroom-comments/";
        Reply written = save("gv07", path + "CN", change(student, "Ngoan, lễ phép; tích cực trong phong trào của lớp.", null));
        assertThat(written.status()).as(written.toString()).isEqualTo(200);
        Reply other = save("gv08", path + "CN", change(student, "Khác", null));
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.detail()).contains("Chỉ giáo viên chủ nhiệm lớp 7A1");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'HOMEROOM_COMMENT_WRITTEN' and actor = 'gv07'")
                .query(Long.class).single()).isEqualTo(1);
        Reply lock = api.post("phohieutruong", "/api/locks", "{\"term\":1,\"classId\":" + classId + ",\"reason\":\"Chốt HK I\"}");
        Reply refused = save("gv07", path + "HK1", change(student, "Cần cố gắng hơn.", null));
        assertThat(refused.status()).isEqualTo(423);
        assertThat(refused.detail()).contains("Nhận xét của giáo viên chủ nhiệm lớp 7A1", "học kì I");
        assertThat(save("gv07", path + "HK2", change(student, "Cần cố gắng hơn.", null)).status()).isEqualTo(200);
        api.post("phohieutruong", "/api/locks/" + lock.body().path("id").asLong() + "/unlock", "{\"reason\":\"Sửa\"}");
        assertThat(save("gv07", path + "HK3", change(student, "x", null)).status()).isEqualTo(400);
    }

    @Test
    void readinessListsTheTermsMonthsUntilTheHomeroomTeacherConfirmsEachAndAChangedAbsenceReopensTheMonth() {
        long classId = homeroomClass("gv13");
        String readiness = "/api/classes/" + classId + "/readiness/attendance-months?term=2";
        List<String> before = months(api.get("gv13", readiness).body());
        // the demo school has term I confirmed (January belongs to both terms); term II's other months are open
        assertThat(before).containsExactly("2026-02", "2026-03", "2026-04", "2026-05");
        Reply confirmed = api.send("gv13", MockMvcRequestBuilders.put("/api/classes/" + classId + "/attendance-months/2026-03"));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.body().path("deadline").asText()).isEqualTo("2026-04-03");
        assertThat(confirmed.body().path("confirmedBy").asText()).isEqualTo("gv13");
        assertThat(api.send("gv13", MockMvcRequestBuilders.put("/api/classes/" + classId + "/attendance-months/2026-03"))
                .status()).isEqualTo(200);
        assertThat(months(api.get("hieutruong", readiness).body())).containsExactly("2026-02", "2026-04", "2026-05");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'ATTENDANCE_MONTH_CONFIRMED' and actor = 'gv13'")
                .query(Long.class).single()).isEqualTo(1);
        long student = student(classId, 0);
        for (String kind : List.of("K", "P")) { // whatever the demo stored that day, the second one changes it
            Reply absence = api.send("gv13", MockMvcRequestBuilders.put("/api/classes/" + classId + "/absences")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"studentId\":" + student
                            + ",\"date\":\"2026-03-16\",\"kind\":\"" + kind + "\"}"));
            assertThat(absence.status()).as(absence.toString()).isEqualTo(200);
        }
        assertThat(months(api.get("gv13", readiness).body())).as("a changed month must be confirmed again")
                .contains("2026-03");
        Reply notHomeroom = api.send("gv04", MockMvcRequestBuilders.put("/api/classes/" + classId + "/attendance-months/2025-11"));
        assertThat(notHomeroom.status()).isEqualTo(403);
        Reply outside = api.send("gv13", MockMvcRequestBuilders.put("/api/classes/" + classId + "/attendance-months/2026-07"));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.detail()).contains("Tháng 7/2026 không thuộc năm học 2025-2026");
    }

    private static List<String> months(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false).map(JsonNode::asText).toList();
    }

    private long homeroomClass(String user) {
        return api.get(user, "/api/me").body().path("homerooms").get(0).path("schoolClass").path("id").asLong();
    }

    private long commentCount() {
        return jdbc.sql("select (select count(*) from subject_comment) + (select count(*) from homeroom_comment)")
                .query(Long.class).single();
    }

    private long student(long classId, int index) {
        return api.get("hieutruong", "/api/classes/" + classId + "/students").body().get(index).path("student").path("id")
                .asLong();
    }

    private static String subjectPath(GradebookFixture.Assignment a, String period) {
        return "/api/classes/" + a.classId() + "/subjects/" + a.subjectId() + "/comments/" + period;
    }

    private static Map<String, Object> change(long student, String text, Integer version) {
        java.util.HashMap<String, Object> change = new java.util.HashMap<>();
        change.put("studentId", student);
        change.put("text", text);
        change.put("version", version);
        return change;
    }

    @SafeVarargs
    private Reply save(String user, String path, Map<String, Object>... changes) {
        try {
            return api.send(user, MockMvcRequestBuilders.put(path).contentType(MediaType.APPLICATION_JSON)
                    .content(JSON.writeValueAsString(Map.of("changes", List.of(changes)))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode stored(Reply reply, long student) {
        for (JsonNode c : reply.body().path("comments")) {
            if (c.path("studentId").asLong() == student) {
                return c;
            }
        }
        throw new AssertionError("no comment on student " + student + " in " + reply);
    }
}
