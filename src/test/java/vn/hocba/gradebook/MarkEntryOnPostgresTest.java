package vn.hocba.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
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

/** Mark entry through the API on real PostgreSQL with the demo school. */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MarkEntryOnPostgresTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabases.register(registry, "mark_entry");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    ApiClient api;

    @BeforeAll
    void client() {
        api = new ApiClient(mvc);
    }

    @Test
    void aTeacherEntersAMarkInTheirOwnSubjectAndItIsAudited() {
        Assignment toan = assignment("gv04", "TOAN");
        long student = firstStudent(toan.classId());
        Reply saved = put("gv04", toan, 2, cell(student, "REGULAR", 3, "9", null));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.body().path("changed").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'MARK_ENTERED' and actor = 'gv04'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aTeacherCannotWriteAnotherTeachersClassOrColumns() {
        Assignment toan = assignment("gv04", "TOAN");
        long student = firstStudent(toan.classId());
        Reply other = put("gv05", toan, 2, cell(student, "REGULAR", 4, "8", null));
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.detail()).contains("không được phân công dạy môn này");
        Assignment geography = assignment("gv12", "LS_DL");
        Reply history = put("gv12", geography, 2, cell(firstStudent(geography.classId()), "REGULAR", 1, "8", null));
        assertThat(history.status()).isEqualTo(403);
        assertThat(history.detail()).contains("cột 3–4");
    }

    @Test
    void invalidMarksAreRefusedWholeWithTheCellNamed() {
        Assignment toan = assignment("gv06", "TOAN");
        long student = firstStudent(toan.classId());
        long before = marks();
        for (String[] bad : List.of(new String[] {"REGULAR", "7.5", "số nguyên"}, new String[] {"MIDTERM", "7.25", "một chữ số"},
                new String[] {"FINAL", "11", "0–10"}, new String[] {"MIDTERM", "tám", "không phải là điểm"})) {
            Reply reply = put("gv06", toan, 2, cell(student, "MIDTERM", 1, "8.5", null), cell(student, bad[0], 1, bad[1], null));
            assertThat(reply.status()).as(bad[1]).isEqualTo(400);
            assertThat(reply.detail()).contains(bad[2]).contains("môn Toán").contains("học kì II");
        }
        Assignment gdtc = assignment("gv18", "GDTC");
        Reply level = put("gv18", gdtc, 2, cell(firstStudent(gdtc.classId()), "FINAL", 1, "T", null));
        assertThat(level.detail()).contains("chỉ nhận Đ (Đạt) hoặc CĐ");
        assertThat(marks()).isEqualTo(before);
    }

    @Test
    void marksAreOnlyAsciiDigitsWithOneDecimalSeparatorNeverExponentsOrThousands() {
        Assignment toan = assignment("gv06", "TOAN");
        long student = firstStudent(toan.classId());
        long before = marks();
        for (String typed : List.of("\u0668", "\uff11\uff10", "1,000", "1.000", "1E1", "1e1", "+8", "8.", ".5", "0x8", "8 5")) {
            Reply reply = put("gv06", toan, 2, cell(student, "FINAL", 1, typed, null));
            assertThat(reply.status()).as(typed + ": " + reply).isEqualTo(400);
            assertThat(reply.detail()).as(typed).contains("môn Toán").contains("học kì II")
                    .containsAnyOf("chữ số 0–9", "một chữ số thập phân");
        }
        assertThat(marks()).isEqualTo(before);
    }

    @Test
    void anAbsenceWithoutADateOrWithABadOneIsRefusedNamingTheFieldNotAJavaType() {
        long classId = api.get("gv07", "/api/me").body().path("homerooms").get(0).path("schoolClass").path("id").asLong();
        long student = firstStudent(classId);
        String path = "/api/classes/" + classId + "/absences";
        Reply noDate = api.send("gv07", MockMvcRequestBuilders.put(path).contentType(MediaType.APPLICATION_JSON)
                .content("{\"studentId\":" + student + ",\"date\":null,\"kind\":\"K\"}"));
        assertThat(noDate.status()).as(noDate.toString()).isEqualTo(400);
        assertThat(noDate.detail()).contains("date");
        Reply badDate = api.send("gv07", MockMvcRequestBuilders.put(path).contentType(MediaType.APPLICATION_JSON)
                .content("{\"studentId\":" + student + ",\"date\":\"hôm qua\",\"kind\":\"K\"}"));
        assertThat(badDate.status()).as(badDate.toString()).isEqualTo(400);
        assertThat(badDate.detail()).contains("date").contains("2025-10-15");
        Reply badNumber = api.send("gv07", MockMvcRequestBuilders.put(path).contentType(MediaType.APPLICATION_JSON)
                .content("{\"studentId\":\"mot\",\"date\":\"2025-11-03\",\"kind\":\"K\"}"));
        assertThat(badNumber.status()).as(badNumber.toString()).isEqualTo(400);
        assertThat(badNumber.detail()).contains("studentId");
        // A day in the summer: refused with the day as people write it (dd/MM/yyyy), not as the JSON had it.
        Reply summer = api.send("gv07", MockMvcRequestBuilders.put(path).contentType(MediaType.APPLICATION_JSON)
                .content("{\"studentId\":" + student + ",\"date\":\"2025-08-01\",\"kind\":\"K\"}"));
        assertThat(summer.status()).as(summer.toString()).isEqualTo(400);
        assertThat(summer.detail()).contains("Ngày 01/08/2025 không thuộc học kì nào của năm học");
        for (Reply r : List.of(noDate, badDate, badNumber)) {
            assertThat(r.body().toString()).doesNotContain("java.").doesNotContain("Exception").doesNotContain("`")
                    .doesNotContain("LocalDate").doesNotContain("vn.hocba");
        }
    }

    @Test
    void twoTeachersSavingTheSameMarkAtOnceOneWinsTheOtherGetsTheCurrentValue() throws Exception {
        // Lịch sử và Địa lí: the history and the geography teacher both enter the shared end-of-term mark.
        Assignment history = assignment("gv10", "LS_DL");
        long student = firstStudent(history.classId());
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Reply>> saves = new ArrayList<>();
        for (String[] who : List.of(new String[] {"gv10", "8.5"}, new String[] {"gv12", "6.0"})) {
            api.get(who[0], "/api/me");
            saves.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return put(who[0], history, 2, cell(student, "FINAL", 1, who[1], null));
            }));
        }
        List<Integer> statuses = saves.stream().map(f -> f.join().status()).sorted().toList();
        assertThat(statuses).containsExactly(200, 409);
        Reply loser = saves.stream().map(CompletableFuture::join).filter(r -> r.status() == 409).findFirst().orElseThrow();
        String stored = jdbc.sql("select score from mark where class_id = ? and subject_id = ? and student_id = ? and term = 2 "
                + "and kind = 'FINAL'").params(history.classId(), history.subjectId(), student).query(String.class).single();
        assertThat(loser.detail()).contains("giá trị hiện tại là " + new java.math.BigDecimal(stored).toPlainString().replace('.', ','));
    }

    @Test
    void everySavedMarkRecomputesTheStoredResultsOfTheClass() {
        Assignment ktn = assignment("gv13", "KHTN");
        long student = firstStudent(ktn.classId());
        String code = api.get("hieutruong", "/api/classes/" + ktn.classId() + "/students").body().get(0).path("student")
                .path("profile").path("code").asText();
        JsonNode before = studentResults(ktn.classId(), code);
        int version = jdbc.sql("select version from mark where class_id = ? and subject_id = ? and student_id = ? and term = 1 "
                + "and kind = 'FINAL'").params(ktn.classId(), ktn.subjectId(), student).query(Integer.class).single();
        String old = jdbc.sql("select score from mark where class_id = ? and subject_id = ? and student_id = ? and term = 1 "
                + "and kind = 'FINAL'").params(ktn.classId(), ktn.subjectId(), student).query(String.class).single();
        String changed = new java.math.BigDecimal(old).compareTo(java.math.BigDecimal.ONE) > 0 ? "0.5" : "9.5";
        assertThat(put("gv13", ktn, 1, cell(student, "FINAL", 1, changed, version)).status()).isEqualTo(200);
        JsonNode after = studentResults(ktn.classId(), code);
        assertThat(after.path("subjects").path("KHTN").path("HK1")).isNotEqualTo(before.path("subjects").path("KHTN").path("HK1"));
        // The stored results equal what the engine computes from the exported gradebook.
        Reply exported = api.get("hieutruong", "/api/classes/" + ktn.classId() + "/gradebook");
        Reply recomputed = api.post("hieutruong", "/api/results", exported.body().toString());
        assertThat(recomputed.status()).isEqualTo(200);
        JsonNode fresh = null;
        for (JsonNode s : recomputed.body().path("students")) {
            if (s.path("code").asText().equals(code)) {
                fresh = s;
            }
        }
        assertThat(fresh.path("subjects")).isEqualTo(after.path("subjects"));
    }

    private JsonNode studentResults(long classId, String code) {
        for (JsonNode s : api.get("hieutruong", "/api/classes/" + classId + "/results").body().path("students")) {
            if (s.path("code").asText().equals(code)) {
                return s;
            }
        }
        throw new IllegalStateException("no results for " + code);
    }

    @Test
    void lockingTakesAnImmutableSnapshotWhoseHashMatchesItsContent() throws Exception {
        Assignment cn = assignment("gv16", "CONG_NGHE");
        Reply lock = api.post("phohieutruong", "/api/locks", "{\"term\":1,\"classId\":" + cn.classId() + ",\"subjectId\":"
                + cn.subjectId() + ",\"reason\":\"Chốt điểm Công nghệ\"}");
        assertThat(lock.status()).as(lock.toString()).isEqualTo(201);
        // the whole class's gradebook: not for a subject teacher (issue 13, item 17), for the school's leaders
        assertThat(api.get("gv16", "/api/classes/" + cn.classId() + "/snapshots").status()).isEqualTo(403);
        JsonNode snapshot = api.get("phohieutruong", "/api/classes/" + cn.classId() + "/snapshots").body().get(0);
        long id = snapshot.path("id").asLong();
        var response = mvc.perform(MockMvcRequestBuilders.get("/api/classes/" + cn.classId() + "/snapshots/" + id + "/GRADEBOOK")
                .header("Authorization", "Bearer " + token("phohieutruong"))).andReturn().getResponse();
        byte[] document = response.getContentAsByteArray();
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(document));
        assertThat(sha).isEqualTo(snapshot.path("gradebookSha256").asText());
        assertThat(new String(document, java.nio.charset.StandardCharsets.UTF_8)).contains("hocba.class-gradebook/1");
        assertThat(api.get("phohieutruong", "/api/classes/" + cn.classId() + "/snapshots/" + id + "/verification").body()
                .path("intact").asBoolean()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("update gradebook_snapshot set results = '{}' where id = ?")
                .param(id).update()).hasMessageContaining("immutable");
    }

    private String token(String user) {
        return api.post(null, "/api/auth/token", "{\"username\":\"" + user + "\",\"password\":\"" + ApiClient.DEMO_PASSWORD + "\"}")
                .body().path("token").asText();
    }

    @Test
    void aLockedClassTermRefusesWritesUntilUnlocked() {
        Assignment tin = assignment("gv17", "TIN_HOC");
        long student = firstStudent(tin.classId());
        assertThat(api.post("gv17", "/api/locks", lockBody(tin)).status()).isEqualTo(403);
        Reply lock = api.post("hieutruong", "/api/locks", lockBody(tin));
        assertThat(lock.status()).as(lock.toString()).isEqualTo(201);
        Reply refused = put("gv17", tin, 1, cell(student, "REGULAR", 1, "10", 0));
        assertThat(refused.status()).isEqualTo(423);
        assertThat(refused.detail()).contains("đã khoá từ").contains("Lê Văn Triển").contains("Kết thúc học kì I");
        long lockId = lock.body().path("id").asLong();
        assertThat(api.post("hieutruong", "/api/locks/" + lockId + "/unlock", "{\"reason\":\"Mở để sửa sai sót\"}").status())
                .isEqualTo(200);
        int version = jdbc.sql("select version from mark where class_id = ? and subject_id = ? and student_id = ? and term = 1 "
                + "and kind = 'REGULAR' and column_no = 1").params(tin.classId(), tin.subjectId(), student).query(Integer.class).single();
        assertThat(put("gv17", tin, 1, cell(student, "REGULAR", 1, "10", version)).status()).isEqualTo(200);
    }

    /** Attack 28: a subject outside the class's curriculum was refused as a foreign key ("tham chiếu không tồn tại"). */
    @Test
    void aSubjectLockForASubjectTheClassDoesNotLearnNamesTheSubjectAndTheClass() {
        Assignment tin = assignment("gv17", "TIN_HOC");
        String code = jdbc.sql("select code from school_class where id = ?").param(tin.classId()).query(String.class).single();
        long school = jdbc.sql("select school_id from subject where id = ?").param(tin.subjectId()).query(Long.class).single();
        jdbc.sql("insert into subject (school_id, code, name, assessment) values (?, 'TIENG_NHAT', 'Tiếng Nhật', 'SCORE')")
                .param(school).update();
        long japanese = jdbc.sql("select id from subject where code = 'TIENG_NHAT'").query(Long.class).single();
        long locksBefore = jdbc.sql("select count(*) from gradebook_lock").query(Long.class).single();

        Reply notTaught = api.post("hieutruong", "/api/locks", "{\"term\":2,\"classId\":" + tin.classId()
                + ",\"subjectId\":" + japanese + ",\"reason\":\"Chốt điểm\"}");
        assertThat(notTaught.status()).isEqualTo(400);
        assertThat(notTaught.detail()).startsWith("Lớp " + code + " (mã số " + tin.classId() + ") không học môn Tiếng Nhật "
                + "(mã số " + japanese + ") (môn này không có trong chương trình khối");
        Reply unknown = api.post("hieutruong", "/api/locks", "{\"term\":2,\"classId\":" + tin.classId()
                + ",\"subjectId\":987654,\"reason\":\"Chốt điểm\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.detail()).startsWith("Lớp " + code + " (mã số " + tin.classId() + ") không học môn học mã số 987654");
        assertThat(jdbc.sql("select count(*) from gradebook_lock").query(Long.class).single()).isEqualTo(locksBefore);
    }

    @Test
    void theHomeroomTeacherRecordsAbsencesAndConductOthersCannot() {
        JsonNode homeroom = api.get("gv07", "/api/me").body().path("homerooms").get(0).path("schoolClass");
        long classId = homeroom.path("id").asLong();
        long student = firstStudent(classId);
        String path = "/api/classes/" + classId;
        assertThat(api.send("gv07", absence(path, student, "2025-11-03", "K")).status()).isEqualTo(200);
        assertThat(api.send("gv07", absence(path, student, "2025-11-04", "P")).status()).isEqualTo(200);
        Reply month = api.get("gv07", path + "/absences?month=2025-11");
        JsonNode row = null;
        for (JsonNode r : month.body()) {
            if (r.path("studentId").asLong() == student) {
                row = r;
            }
        }
        assertThat(row.path("excused").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(row.path("unexcused").asInt()).isGreaterThanOrEqualTo(1);
        Reply wrongKind = api.send("gv07", absence(path, student, "2025-11-05", "X"));
        assertThat(wrongKind.status()).isEqualTo(400);
        assertThat(wrongKind.detail()).contains("P (có phép) hoặc K (không phép)");
        assertThat(api.send("gv08", absence(path, student, "2025-11-05", "K")).status()).isEqualTo(403);
        Reply badLevel = api.send("gv07", conduct(path, student, "Tốt"));
        assertThat(badLevel.status()).isEqualTo(400);
        assertThat(api.send("gv07", conduct(path, student, "K")).status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_entry where action in ('ABSENCE_RECORDED', 'CONDUCT_RATED') and actor = 'gv07'")
                .query(Long.class).single()).isEqualTo(3);
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder absence(String path, long student,
            String date, String kind) {
        return MockMvcRequestBuilders.put(path + "/absences").contentType(MediaType.APPLICATION_JSON)
                .content("{\"studentId\":" + student + ",\"date\":\"" + date + "\",\"kind\":\"" + kind + "\"}");
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder conduct(String path, long student,
            String level) {
        return MockMvcRequestBuilders.put(path + "/conduct").contentType(MediaType.APPLICATION_JSON)
                .content("{\"studentId\":" + student + ",\"term\":2,\"level\":\"" + level + "\",\"comment\":\"Ngoan\"}");
    }

    private static String lockBody(Assignment a) {
        return "{\"term\":1,\"classId\":" + a.classId() + ",\"reason\":\"Kết thúc học kì I\"}";
    }

    record Assignment(long classId, long subjectId) {
    }

    private Assignment assignment(String user, String subject) {
        JsonNode teaching = api.get(user, "/api/me").body().path("teaching");
        for (JsonNode t : teaching) {
            if (t.path("subject").path("code").asText().equals(subject)) {
                return new Assignment(t.path("schoolClass").path("id").asLong(), t.path("subject").path("id").asLong());
            }
        }
        throw new IllegalStateException(user + " teaches no " + subject);
    }

    private long firstStudent(long classId) {
        return api.get("hieutruong", "/api/classes/" + classId + "/students").body().get(0).path("student").path("id").asLong();
    }

    private long marks() {
        return jdbc.sql("select count(*) from mark").query(Long.class).single();
    }

    private static String cell(long student, String kind, int column, String value, Integer version) {
        return "{\"studentId\":" + student + ",\"kind\":\"" + kind + "\",\"column\":" + column + ",\"value\":\"" + value
                + "\",\"version\":" + version + "}";
    }

    private Reply put(String user, Assignment a, int term, String... cells) {
        return api.send(user, MockMvcRequestBuilders.put("/api/classes/" + a.classId() + "/subjects/" + a.subjectId()
                + "/terms/" + term + "/marks").contentType(MediaType.APPLICATION_JSON)
                .content("{\"changes\":[" + String.join(",", cells) + "]}"));
    }
}
